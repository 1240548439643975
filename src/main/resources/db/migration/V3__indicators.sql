CREATE TABLE period (
    code      char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{4}Q[1-4]$'),
    starts_on date NOT NULL,
    ends_on   date NOT NULL,
    theme_zh  text NOT NULL,
    theme_en  text NOT NULL,
    CHECK (starts_on < ends_on)
);

-- How a district value rolls up to the city:
--   sum   the city value is the sum of the districts';
--   ratio factor * sum(numerator) / sum(denominator), e.g. a coverage rate;
--   min   the lowest district value (a floor every district meets, e.g. office funding);
--   max   the highest district value.
CREATE TABLE indicator (
    code             text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    name_zh          text NOT NULL CHECK (name_zh <> ''),
    name_en          text NOT NULL CHECK (name_en <> ''),
    unit_zh          text NOT NULL,
    unit_en          text NOT NULL,
    higher_is_better boolean NOT NULL,
    aggregation      text NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'min', 'max')),
    numerator        text REFERENCES indicator (code),
    denominator      text REFERENCES indicator (code),
    factor           numeric NOT NULL DEFAULT 1 CHECK (factor > 0),
    decimals         smallint NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
    category         text NOT NULL,
    sort_order       int NOT NULL,
    CHECK ((aggregation = 'ratio') = (numerator IS NOT NULL AND denominator IS NOT NULL))
);

CREATE TABLE indicator_value (
    indicator_code text NOT NULL REFERENCES indicator (code) ON DELETE CASCADE,
    district_code  char(6) NOT NULL REFERENCES district (code),
    period         char(6) NOT NULL REFERENCES period (code),
    value          numeric NOT NULL CHECK (value >= 0),
    PRIMARY KEY (indicator_code, period, district_code)
);

-- Which dataset is loaded, so loading is idempotent: the same files are not loaded twice.
CREATE TABLE dataset_load (
    name      text PRIMARY KEY,
    checksum  text NOT NULL,
    scale     int NOT NULL CHECK (scale >= 1),
    loaded_at timestamptz NOT NULL
);

INSERT INTO period (code, starts_on, ends_on, theme_zh, theme_en) VALUES
('2017Q1', '2017-01-01', '2017-03-31', '抓好开篇布局，现场观摩交流', 'Laying out the year: on-site observation and exchange'),
('2017Q2', '2017-04-01', '2017-06-30', '互查互学互鉴', 'Mutual inspection, learning and reference between units'),
('2017Q3', '2017-07-01', '2017-09-30', '提升党组织政治功能和服务功能，明察暗访', 'Strengthening political and service functions: announced and unannounced visits'),
('2017Q4', '2017-10-01', '2017-12-31', '深入学习贯彻十九大精神，全面总结促提升', 'Studying the 19th Party Congress: full review and improvement');
