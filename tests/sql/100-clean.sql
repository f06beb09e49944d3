-- news_clean: the body news_articles would give, for any format.
.mode list
SELECT news_clean('<p>Hello <b>world</b>, and more.</p><footer>(c) Site</footer>', 'html');
SELECT news_clean('Crypto News' || char(10,10) || 'Leaders meet in Moscow for talks' || char(10,10) ||
                  'They met on Monday.' || char(10,10) || '- Advertisement -' || char(10,10) ||
                  'Talks went on, officials said.' || char(10,10) || 'Related Articles');
SELECT news_clean('{"title": "T", "text": "Body <b>bold</b> text."}');
SELECT news_clean('{"title": "T", "content": "<p>One.</p><p>Two.</p>"}', 'json');
SELECT news_clean('# Title' || char(10,10) || 'Some *text* with a [link](http://x).', 'markdown');
SELECT news_clean('plain words, as they are.', 'TXT');
SELECT quote(news_clean(NULL));
SELECT quote(news_clean(NULL, 'html'));
SELECT quote(news_clean('{"title": broken}', 'json'));
SELECT length(news_clean(''));
SELECT news_clean('x', 'pdf');
SELECT news_clean('x', 'json', 3);
