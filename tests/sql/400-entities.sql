-- news_entities: columns, character offsets, sentences, edge inputs.
.mode list
.headers on
SELECT text, type, canonical, key, start, length, sentence, score BETWEEN 0 AND 1 AS score_ok
FROM news_entities('Vladimir Putin met Angela Merkel in Moscow on Monday. Later, Putin flew to Berlin.');
-- Offsets count characters, so substr() gives the mention back.
SELECT text, start, length, substr('Émile Zola a quitté Paris. Le président français Emmanuel Macron est à Montréal.', start, length) = text AS same
FROM news_entities('Émile Zola a quitté Paris. Le président français Emmanuel Macron est à Montréal.');
.headers off
-- The hidden input column, NULL and empty input, text without letters.
SELECT count(*) FROM news_entities(NULL);
SELECT count(*) FROM news_entities('');
SELECT count(*) FROM news_entities('12 34 -- ... !!! 56,7');
SELECT DISTINCT input FROM news_entities('Angela Merkel spoke.');
-- Invalid UTF-8 is not fatal and offsets still agree with substr().
SELECT count(*) >= 0, sum(substr(x, start, length) != text) FROM (SELECT CAST(x'4d6f73636f77ff20416e67656c61204d65726b656c' AS TEXT) AS x), news_entities(x);
-- Upper- and lower-case articles do not break the tagger.
SELECT count(*) >= 0 FROM news_entities('PRESIDENT JOE BIDEN VISITED KYIV ON MONDAY.');
SELECT count(*) >= 0 FROM news_entities('president joe biden visited kyiv on monday.');
-- The argument is required.
SELECT * FROM news_entities;
-- Footer links of a dumped page are no names; "US" in capitals is.
SELECT text, type FROM news_entities('About Us | Contact Us | Privacy Policy | Terms of Use | Cookie Settings
The US ambassador met Anna Berg in Leeds on Monday.');
-- In a text of another language, capitals mark more than names: a lone
-- function word is none, an opening article is left out, a "person" that is
-- a noun after an article or holds a preposition goes.
SELECT text, type FROM news_entities('Selon le maire de Lyon, la ville ouvrira une nouvelle ligne de tramway en 2027. Le conseil municipal a voté le projet mardi soir, après un long débat. Les travaux commenceront au printemps et dureront trois ans. Le Pen a demandé un référendum local.');
SELECT text, type FROM news_entities('Die Preise für Fernwärme steigen im März deutlich, sagte die Sprecherin der Stadtwerke am Montag in Kassel. Wir geben nur weiter, was wir selbst bezahlen müssen.');
-- A menu's sections are no names on a menu line; in a sentence they may be.
SELECT text, type FROM news_entities('Home | News | Sport | Business
Newsletters
News Corp shares rose. News said profits doubled, its chairman Rupert Murdoch told Eastern Airlines staff.');
