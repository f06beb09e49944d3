-- The examples of DESIGN.md over the sample corpus: dates and entities of
-- each article. Run by `make demo` when news_dates and news_entities exist.
.mode box --wrap 44 --wordwrap on
.print
.print '8. Dates in articles that mention Istanbul, resolved against the publication date'
SELECT a.title, d.text, d.value
FROM news_articles('tests/corpus') a, news_dates(a.text, a.published) d
WHERE a.text LIKE '%Istanbul%' AND d.type = 'DATE';

.print
.print '9. People named in the corpus, most mentioned first'
SELECT e.canonical, count(*) AS mentions, count(DISTINCT a.path || '#' || a.item) AS articles
FROM news_articles('tests/corpus') a, news_entities(a.text) e
WHERE e.type = 'PER' GROUP BY e.key ORDER BY mentions DESC, e.canonical LIMIT 10;
