-- news_normalize: NFKC, case fold, marks stripped, spaces collapsed.
SELECT news_normalize('  Volodymyr  ZELENSKÝ ');
SELECT news_normalize('Zelenskyy') = news_normalize('ZELENSKYY');
SELECT news_normalize('ﬁnance');
SELECT news_normalize('Ｔｏｋｙｏ');
SELECT quote(news_normalize(NULL));
SELECT news_normalize(42);
SELECT news_normalize('Xi' || char(10) || char(9) || 'Jinping');
SELECT length(news_normalize(''));
SELECT news_normalize(CAST(x'41ff42' AS TEXT));
