-- Columns an editor mapped by hand (their own header -> one of the import's fields), remembered for their
-- next files. The header is kept normalised (lower case, no spaces or brackets), as the import compares it.
CREATE TABLE import_column_mapping (
    username text NOT NULL,
    header   text NOT NULL CHECK (header <> ''),
    field    text NOT NULL,
    PRIMARY KEY (username, header)
);
