-- news_dates: anchors (absent, NULL, with time and zone, invalid) and edge inputs.
.mode list
.nullvalue NULL
-- Without an anchor relative expressions stay unresolved (X values, NULL bounds).
SELECT text, type, value, earliest, latest FROM news_dates(
  'Yesterday, next week, last Friday, in March, on March 17, two years ago, now, at 5 p.m., but in March 2023.');
SELECT text, value, earliest FROM news_dates('It happened last week.', NULL);
-- Anchors with time and zone keep the calendar date written.
SELECT value FROM news_dates('today', '2023-03-17T23:30:00+05:30');
SELECT value FROM news_dates('today', '2023-03-17T10:00Z');
SELECT value FROM news_dates('today', '2023-03-17 10:00:05.250-0500');
SELECT value FROM news_dates('today', '20230317');
-- 29 February: leap years only.
SELECT text, value FROM news_dates('On February 29, 2024 and on February 29, 2023 and 29/02/2000 and 29/02/1900.');
SELECT value, latest FROM news_dates('last year', '2024-02-29') UNION ALL
SELECT value, latest FROM news_dates('a year ago', '2024-02-29');
-- Years 0 and 9999, ISO weeks across the year boundary.
SELECT text, value, earliest, latest FROM news_dates('From 0000-01-01 to 9999-12-31.');
SELECT value, earliest, latest FROM news_dates('next week', '9999-12-20');
SELECT value, earliest, latest FROM news_dates('last week', '2021-01-06');
-- Edge inputs: NULL, empty, one character.
SELECT count(*) FROM news_dates(NULL);
SELECT count(*) FROM news_dates('');
SELECT count(*) FROM news_dates('x', '2023-03-17');
-- INNOCUOUS: usable from a view even when the schema is not trusted.
PRAGMA trusted_schema = OFF;
CREATE VIEW v AS SELECT value FROM news_dates('today', '2023-03-17');
SELECT * FROM v;
-- An anchor that is not ISO-8601 is an error.
SELECT * FROM news_dates('today', 'yesterday');
SELECT * FROM news_dates('today', '2023-02-30');
