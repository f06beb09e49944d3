-- news_sentences: abbreviations, initials, quotes, paragraphs; offsets agree with substr.
.mode list
SELECT sentence, start, length, text FROM news_sentences('Mr. Putin spoke. Xi listened.');
SELECT sentence, text FROM news_sentences('Dr. Smith arrived at 5 p.m. on Jan. 5. The U.S. economy grew 2.5 percent in 2023. J. K. Rowling said: « It is done. » Then she left…');
SELECT count(*) FROM news_sentences('Headline

First paragraph. Second sentence!
Next line');
SELECT count(*) FROM news_sentences(NULL);
SELECT count(*) FROM news_sentences('');
WITH t(x) AS (VALUES ('Ça va ? Très bien. Zelenskyy à Kyiv. Ελλάδα είναι ωραία. 日本語の文。次の文。'))
SELECT count(*), sum(substr(x, start, length) = text) FROM t, news_sentences(t.x);
SELECT * FROM news_sentences;
