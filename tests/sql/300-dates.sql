-- news_dates: the forms of the issue, anchored on Friday 2023-03-17.
.mode list
.nullvalue NULL
SELECT text, type, value, mod, earliest, latest, start, length, sentence
FROM news_dates('The talks ended last Friday. He will arrive on Monday. '
             || 'They met on Thursday. Prices rose in January or early February.', '2023-03-17');
SELECT text, type, value, mod, earliest, latest FROM news_dates(
  'On March 17, 2023 or 17 March 2023 (2023-03-17, 17/03/2023, 03/17/2023), '
  || 'Friday, March 17, and Mar. 17, back in ''23, during the 1990s and the 20th century, '
  || 'from February 14-22 and between 2019 and 2021.', '2023-03-17');
SELECT text, type, value, mod, earliest, latest FROM news_dates(
  'today, yesterday, tonight, next week, last year, this month, a day earlier, '
  || 'two weeks ago, the coming months, spring of next year, Q3 2023, '
  || 'the first half of 2022, Tuesday morning, at 1:00 p.m. (10 GMT) and 17:30 CET.', '2023-03-17');
SELECT text, type, value, mod FROM news_dates(
  'She served four years, a five-year term, more than a decade, eight minutes, '
  || 'at least two days, around 5 p.m. They meet every Monday, annually and twice a week. '
  || 'Now, as recently shown, in the future things change.', '2023-03-17');
-- Not dates: ages, counts, money, scores, plans, quantities.
SELECT count(*) FROM news_dates(
  'A 44-year-old man, 12-point plan, 1,000 rifles, $2,000, won 3-1, 250 people, 7.5 percent.',
  '2023-03-17');
-- The offsets invariant, on text with accents and emoji.
SELECT text, substr(i, start, length) = text FROM (SELECT 'Zürich 🎉 on 5 März? No: on März 5, 2021 and on Tuesday.' AS i),
  news_dates(i, '2021-03-10');
-- Holidays, and dates told about: "later that year", "a year earlier".
SELECT text, value FROM news_dates(
  'Christmas 2023, Easter week, Good Friday 2024, Election Day 2020. The war began in 1939; '
  || 'later that year it spread. In the third quarter sales rose; a year earlier they fell.', '2023-03-17');
-- Years in words, as broadcast transcripts write them.
SELECT text, value FROM news_dates('In nineteen ninety-six, and in the year two thousand.');
-- Machine-written dates and times in web pages, with their zones.
SELECT text, type, value, earliest, latest FROM news_dates(
  'Posted 2023-03-17T10:00:00Z, updated 2023-03-17T12:30:05.123+01:00, and 2023/03/18 or 2023.03.19; not 2023-03-17-5.');
