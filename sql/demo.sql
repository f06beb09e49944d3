-- Example queries over the sample corpus (tests/corpus), run by `make demo`.
-- Any SQL below works as is in the sqlite3 shell after `.load dist/newsdesk`.
.mode box --wrap 44 --wordwrap on
.print
.print '1. Every article: file, format, headline, publication date, words'
SELECT substr(path, 14) AS file, format, title, published, words
FROM news_articles('tests/corpus');

.print
.print '2. Articles and words per format'
SELECT format, count(*) AS articles, sum(words) AS words, round(avg(words)) AS avg_words
FROM news_articles('tests/corpus') GROUP BY format ORDER BY articles DESC;

.print
.print '3. Languages, stated by the file or detected from the text (NULL: unsure)'
SELECT lang, count(*) AS articles FROM news_articles('tests/corpus')
GROUP BY lang ORDER BY articles DESC;

.print
.print '4. Search: articles about strikes, with the first sentence that says so'
SELECT title,
       (SELECT s.text FROM news_sentences(a.text) s
        WHERE s.text REGEXP '(?i)\bstrik(e|es|ing)\b' ORDER BY s.sentence LIMIT 1) AS sentence
FROM news_articles('tests/corpus') a
WHERE text REGEXP '(?i)\bstrik(e|es|ing)\b';

.print
.print '5. A glob: HTML pages only, with their canonical URL and byline'
SELECT substr(path, 19) AS file, byline, url
FROM news_articles('tests/corpus/html/*.htm*');

.print
.print '6. JSON exports: one row per record; raw is the record itself'
SELECT substr(path, 22) AS file, item, json_extract(raw, '$.url') AS url_field, url
FROM news_articles('tests/corpus/exports/*.json');

.print
.print '7. Files that could not be read (none in this corpus)'
SELECT count(*) AS articles, count(error) AS errors FROM news_articles('tests/corpus');
