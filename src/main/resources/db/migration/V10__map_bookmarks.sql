-- Saved map views (bookmarks): the slides of a meeting, shown in order in presentation mode and exported
-- together as one PDF. Shared by every signed-in user; view_query is the dashboard's URL query.
CREATE TABLE map_bookmark (
    id         bigserial PRIMARY KEY,
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
    view_query text NOT NULL CHECK (length(view_query) <= 2000),
    position   integer NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX map_bookmark_position_idx ON map_bookmark (position, id);
