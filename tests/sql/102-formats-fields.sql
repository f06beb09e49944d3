-- What each format extracts, through news_articles over small fixtures.
.mode list
.headers on
SELECT substr(path, length('tests/fixtures/formats/') + 1) AS file, format, title, byline, published, lang, url, words
FROM news_articles('tests/fixtures/formats') ORDER BY path;
.headers off
SELECT text FROM news_articles('tests/fixtures/formats/dump_en.txt');
SELECT '--';
SELECT text FROM news_articles('tests/fixtures/formats/dump_fr.txt');
SELECT '--';
-- A site menu dumped one item per line, a standfirst between headline and byline.
SELECT text FROM news_articles('tests/fixtures/formats/dump_menu_en.txt');
SELECT '--';
SELECT text FROM news_articles('tests/fixtures/formats/dump_standfirst.txt');
SELECT '--';
-- Cookie banner, menu, a ticker of other stories, a byline as name over job title.
SELECT text FROM news_articles('tests/fixtures/formats/dump_ticker.txt');
SELECT '--';
-- Readers' comments and the "name | date" line under the headline are not the article.
SELECT text FROM news_articles('tests/fixtures/formats/comments.html');
SELECT '--';
-- A text browser's dump: link numbers, list bullets, the list of references.
SELECT text FROM news_articles('tests/fixtures/formats/dump_lynx.txt');
SELECT '--';
-- A short article whose paragraphs are bare <div>s straight under <body>.
SELECT text FROM news_articles('tests/fixtures/formats/brief-divs.html');
