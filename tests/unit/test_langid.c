/* Engine unit tests: language identification. The sentences are our own. */
#include "nd_langid.h"
#include "unit.h"

static const char *id(const char *s) { return nd_langid(s, strlen(s)); }

int main(void) {
  CHECK_STR(id("The council said on Friday that the new budget would be put to a vote in the "
               "spring, and that the mayor has asked for more time."),
            "en");
  CHECK_STR(id("Le conseil municipal a voté mardi un budget qui prévoit plus de moyens pour les "
               "écoles et les transports, mais l'opposition dénonce une hausse des impôts."),
            "fr");
  CHECK_STR(id("El ayuntamiento aprobó el martes un presupuesto que incluye más fondos para las "
               "escuelas y el transporte, pero la oposición critica la subida de impuestos."),
            "es");
  CHECK_STR(id("Der Stadtrat hat am Dienstag einen Haushalt beschlossen, der mehr Geld für die "
               "Schulen und den Nahverkehr vorsieht, und die Opposition ist nicht zufrieden."),
            "de");
  CHECK_STR(id("Il consiglio comunale ha approvato martedì un bilancio che prevede più fondi per "
               "le scuole e per i trasporti, ma l'opposizione non è d'accordo."),
            "it");
  CHECK_STR(id("A câmara municipal aprovou na terça-feira um orçamento que prevê mais verbas para "
               "as escolas e para os transportes, mas a oposição não concorda com o aumento."),
            "pt");
  CHECK_STR(id("Городской совет во вторник утвердил бюджет, в котором больше денег для школ и "
               "транспорта, но оппозиция не согласна и говорит, что это было ошибкой."),
            "ru");
  CHECK_STR(id("Міська рада у вівторок затвердила бюджет, у якому більше грошей для шкіл і "
               "транспорту, але опозиція не погоджується з цим рішенням."),
            "uk");
  CHECK_STR(id("Το δημοτικό συμβούλιο ενέκρινε την Τρίτη τον προϋπολογισμό της πόλης."), "el");
  CHECK_STR(id("市議会は火曜日に新しい予算を承認しました。学校と交通への支出が増えます。"), "ja");
  CHECK_STR(id("市议会周二批准了新的预算，学校和交通的支出将会增加，反对派表示不满。"), "zh");
  CHECK(id("Short.") == NULL);
  CHECK(id("12345 67890 !!! ??? 2023-03-17 10:00") == NULL);
  CHECK(id("") == NULL);
  UNIT_DONE();
}
