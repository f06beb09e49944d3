-- news_regexp / regexp: PCRE2 with Unicode, errors are SQL errors.
SELECT news_regexp('\bXi\s+Jinping\b', 'Chinese President Xi Jinping');
SELECT news_regexp('^Putin$', 'Vladimir Putin');
SELECT 'Volodymyr Zelenskyy' REGEXP '(?i)zelensk(y|yy|i)\b';
SELECT 'Köln' REGEXP '^\w+$';
SELECT quote(news_regexp(NULL, 'x')), quote(news_regexp('x', NULL));
SELECT count(*) FROM (VALUES ('a1'),('b2'),('c3')) WHERE column1 REGEXP '[ac]\d';
SELECT news_regexp('(a', 'x');
SELECT news_regexp('(a+)+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab');
SELECT news_regexp('b', CAST(x'61ff62' AS TEXT));
