-- news_dates: French, Spanish, German, Italian and Portuguese expressions,
-- anchored on Friday 2023-03-17; then words that must NOT make dates.
.mode list
.nullvalue NULL
-- French
SELECT text, type, value, mod FROM news_dates('Le ministre est arrivé le 2 avril 2021. Jeudi 9 février 2023, la banque a fermé. La fête du 1er mai aura lieu en juin 2024.', '2023-03-17');
SELECT text, type, value, mod FROM news_dates('Hier, le conseil a voté. Aujourd''hui il parle, demain il part. La semaine prochaine, le mois dernier, l''an dernier et cette année.', '2023-03-17');
SELECT text, type, value, mod FROM news_dates('Il y a trois jours, elle a signé; dans deux semaines, elle partira. Les travaux commencent début avril et finissent fin 2024, à la mi-juillet au plus tard. Vendredi dernier, lundi prochain, au printemps.', '2023-03-17');
-- Spanish
SELECT text, type, value, mod FROM news_dates('El 5 de enero de 2022 el gobierno firmó. El martes 7 de marzo hubo huelga, y el 20 de abril habrá elecciones. En octubre de 2020 cayó.', '2023-03-17');
SELECT text, type, value, mod FROM news_dates('Ayer llovió, hoy sale el sol y mañana nevará. Por la mañana hace frío. El año pasado, la próxima semana, el mes que viene, hace dos años, a finales de junio, el verano pasado.', '2023-03-17');
-- German
SELECT text, type, value, mod FROM news_dates('Am 3. Oktober 1990 wurde gefeiert. Die Wahl ist am Sonntag, 26. September. Im Januar 2024 beginnt der Bau, Mitte Mai endet er.', '2023-03-17');
SELECT text, type, value, mod FROM news_dates('Gestern sagte er, heute kommt sie, morgen reisen wir ab; heute Morgen war es kalt. Vor zwei Wochen, in drei Tagen, nächste Woche, letztes Jahr, Ende 2022, letzten Freitag.', '2023-03-17');
-- Italian
SELECT text, type, value, mod FROM news_dates('Il 25 aprile 2022 il presidente ha parlato. Ieri il governo, oggi il parlamento, domani il senato. Due settimane fa, tra tre giorni, la settimana prossima, l''anno scorso, a fine luglio, sabato scorso.', '2023-03-17');
-- Portuguese
SELECT text, type, value, mod FROM news_dates('Em 15 de novembro de 2019 o acordo foi assinado. Ontem, hoje e amanhã. Na próxima semana, no ano passado, há cinco dias, três meses atrás, na quarta-feira, em meados de agosto.', '2023-03-17');
-- Without an anchor: the year stays unknown, relative words unresolved.
SELECT text, value, earliest FROM news_dates('le 17 mars, demain, el año pasado');
-- Not dates: names, and words that are dates only in another language
-- (the English "an hour" and the year of "Mars 2020" are English findings).
SELECT text FROM news_dates('Mars 2020 landed. Julio Iglesias and Domingo sang. The tag line: an idea, 52, an hour. De Gaulle and Le Monde; la mañana; Guten Morgen; segunda vez; Mo and Di.', '2023-03-17');
SELECT count(*) FROM news_dates('Ich bin hier, und das ist gut. Wir sind nicht hier.', '2023-03-17');
SELECT count(*) FROM news_dates('Por la mañana, esta mañana, cada mañana: la segunda parte.', '2023-03-17');
-- An impossible day (April 31) is no date; only its year is left.
SELECT text, value FROM news_dates('le 31 avril 2023', '2023-03-17');
-- "este lunes", "ce mardi": that day of the anchor's week, before or after it (a Wednesday here).
SELECT text, value FROM news_dates('Los datos publicados este lunes muestran una caída; la reunión será este viernes. Le ministre a annoncé ce mardi un plan.', '2025-05-07');
