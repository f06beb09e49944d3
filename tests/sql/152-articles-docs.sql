-- The examples of docs/news_articles.md, with the output shown there.
.mode list
.headers on
SELECT path, format, title, published
FROM news_articles('tests/corpus/markdown');
SELECT item, title, byline, lang, json_extract(raw, '$.link') AS link
FROM news_articles('tests/corpus/exports/feed-2023-q4.jsonl');
SELECT format, count(*) AS articles
FROM news_articles('tests/corpus') GROUP BY format ORDER BY format;
SELECT path, error
FROM news_articles('tests/corpus/html/*.html', 1500) WHERE error IS NOT NULL;
SELECT path, title, url FROM news_articles('tests/corpus/**/ministers-*');
