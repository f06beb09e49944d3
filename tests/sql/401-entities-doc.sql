-- The example of docs/news_entities.md, verbatim.
.mode list
.headers on
SELECT text, type, canonical, key, start, length, sentence, round(score, 2) AS score
FROM news_entities('Chancellor Olaf Scholz met Emmanuel Macron in Paris on Tuesday. Scholz said the European Union would act.');
