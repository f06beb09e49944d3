-- Inputs that libFuzzer found crashing or reading out of bounds (caught by
-- the SANITIZE=1 run); each must simply work.
-- dates_tense.c: a word of more than 16 letters ending the tense window.
SELECT count(*) >= 1 FROM news_dates('last year, next decad' || printf('%.150c', 'M') || 'e, in the 20st century.', '2023-03-17');
