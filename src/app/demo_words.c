/* The demo shop's word tables: product families (a name, lists of variants,
 * qualities and sizes that multiply into products, brands, a base price and
 * a tax kind), the weighed items sold at the counter, and the customers. */
#include <stddef.h>

#include "demo_words.h"

#define W(text, pct) { text, pct, 0 }
#define WC(text, pct, case_qty) { text, pct, case_qty }
#define END { NULL, 0, 0 }

/* Brands, each list ending with NULL. */
static const char *const b_house[] = { "Fournil du Comptoir", NULL };
static const char *const b_jam[] = { "Les Vergers de Sophie", "Maison Duval", "Confiturerie du Vercors", NULL };
static const char *const b_honey[] = { "Rucher des Cévennes", "Miellerie Saint-Roch", NULL };
static const char *const b_olive[] = { "Domaine des Oliviers", "Moulin de Lucie", "Oliveraie de Maussane", NULL };
static const char *const b_coffee[] = { "Brûlerie du Port", "Torréfaction Lemaire", "Café Mandarine", NULL };
static const char *const b_tea[] = { "Maison des Thés Anaïs", "Comptoir des Théières", NULL };
static const char *const b_choc[] = { "Chocolaterie Berthier", "Cacao & Cie", "Maison Duval", NULL };
static const char *const b_pasta[] = { "Pâtes Rivoire", "Trattoria Bella", "Moulin de Lucie", NULL };
static const char *const b_grocery[] = { "Épicerie Lucien", "Saveurs de France", "Bio Nature & Co", NULL };
static const char *const b_dairy[] = { "Laiterie des Monts", "Ferme de la Vallée", "Fromagerie Vidal", NULL };
static const char *const b_drink[] = { "Source des Ardennes", "Vergers de Normandie", "Limonaderie Pichon", NULL };
static const char *const b_biscuit[] = { "Biscuiterie Lenoir", "Délices de Bretagne", "Maison Aubert", NULL };
static const char *const b_tin[] = { "Conserverie Marchand", "Potager d'Antan", "Conserverie Belle-Île", NULL };
static const char *const b_spice[] = { "Comptoir des Épices", "Épicerie Lucien", NULL };
static const char *const b_candy[] = { "Confiserie Rochas", "Douceurs d'Antan", NULL };
static const char *const b_aroma[] = { "Aroma Provence", "Les Essences d'Hélène", "Distillerie du Luberon", "Natura Oléa", NULL };
static const char *const b_storage[] = { "Silicor", "Bytefort", "Kestrel", NULL };
static const char *const b_memory[] = { "Kestrel", "Memora", "Silicor", NULL };
static const char *const b_cable[] = { "Connectis", "Lumeo", "Câblerie Martin", NULL };
static const char *const b_periph[] = { "Lumeo", "Nexio", "Vortexa", NULL };
static const char *const b_parts[] = { "Vortexa", "Ardentis", "Nexio", NULL };
static const char *const b_clean[] = { "Maison Claire", "Brillance", "Vert Sapin", NULL };
static const char *const b_laundry[] = { "Lavandou", "Maison Claire", "Brillance", NULL };
static const char *const b_light[] = { "Lumière & Co", "Ampéra", NULL };
static const char *const b_battery[] = { "Voltis", "Ampéra", NULL };
static const char *const b_paper[] = { "Doucéa", "Maison Claire", NULL };
static const char *const b_hygiene[] = { "Savonnerie du Midi", "Doucéa", "Bio Nature & Co", NULL };
static const char *const b_press[] = { "Éditions du Quai", NULL };

/* Common qualities and sizes. */
static const struct demo_word q_bio[] = { W("", 100), W("bio", 125), END };
static const struct demo_word s_jar[] = { WC("220 g", 70, 12), WC("370 g", 100, 12), WC("750 g", 180, 6), END };

/* Bakery. */
static const struct demo_word v_bread[] = {
	W("Baguette tradition", 130), W("Baguette", 110), W("Ficelle", 80), W("Bâtard", 120),
	W("Pain de campagne 400 g", 260), W("Pain de campagne 800 g", 480), W("Pain complet 400 g", 280),
	W("Pain aux céréales 400 g", 310), W("Pain de seigle 400 g", 300), W("Pain au levain 500 g", 350),
	W("Pain au levain 1 kg", 650), W("Pain aux noix 300 g", 330), W("Pain aux figues 300 g", 340),
	W("Boule bio 500 g", 380), W("Fougasse aux olives", 280), W("Fougasse aux lardons", 290),
	W("Pain de mie 500 g", 260), W("Couronne bordelaise", 310), END };
static const struct demo_word v_viennoiserie[] = {
	W("Croissant au beurre", 120), W("Pain au chocolat", 130), W("Pain aux raisins", 150),
	W("Chausson aux pommes", 160), W("Croissant aux amandes", 220), W("Brioche au sucre", 140),
	W("Brioche tressée 400 g", 450), W("Kouign-amann", 280), W("Chouquettes x10", 250),
	W("Suisse au chocolat", 170), W("Palmier", 150), W("Torsade au chocolat", 160), END };
static const struct demo_word v_pastry[] = {
	W("Crème brûlée", 290), W("Flan pâtissier", 280), W("Mille-feuille", 340), W("Paris-brest", 380),
	W("Opéra", 350), W("Fraisier", 390), W("Baba au rhum", 330), W("Tropézienne", 360),
	W("Saint-Honoré", 390), W("Far breton", 250), W("Cannelé bordelais", 190), W("Chou à la crème", 220),
	W("Financier aux amandes", 150), W("Moelleux au chocolat", 280), W("Forêt-noire", 360),
	W("Charlotte aux poires", 360), W("Tiramisu", 340), W("Mousse au chocolat", 280),
	W("Île flottante", 280), W("Riz au lait", 220), END };
static const struct demo_word v_entremets[] = {
	W("trois chocolats", 100), W("framboise-pistache", 110), W("mangue-passion", 105),
	W("poire-caramel", 100), W("praliné noisette", 105), END };
static const struct demo_word s_parts[] = { W("4 parts", 100), W("6 parts", 145), W("8 parts", 190), END };
static const struct demo_word v_eclair[] = {
	W("au café", 100), W("au chocolat", 100), W("à la vanille", 100), W("à la pistache", 115),
	W("au caramel beurre salé", 110), END };
static const struct demo_word v_religieuse[] = { W("au café", 100), W("au chocolat", 100), W("à la vanille", 100), END };
static const struct demo_word v_tarte[] = {
	W("aux pommes", 100), W("aux fraises", 125), W("au citron meringuée", 115),
	W("aux poires Bourdaloue", 110), W("aux abricots", 105), W("Tatin", 110),
	W("aux framboises", 130), W("normande", 105), END };
static const struct demo_word s_tarte[] = { W("", 100), W("4 parts", 360), W("6 parts", 520), W("8 parts", 680), END };
static const struct demo_word v_macaron[] = {
	W("à la framboise", 100), W("à la pistache", 100), W("au chocolat", 100), W("au citron", 100),
	W("au caramel beurre salé", 100), W("à la vanille", 100), W("au café", 100), W("à la rose", 105), END };
static const struct demo_word s_box[] = { W("x6", 100), W("x12", 190), W("x24", 360), END };
static const struct demo_word v_galette[] = {
	W("à la frangipane", 100), W("aux pommes", 95), W("briochée aux fruits confits", 90), END };
static const struct demo_word v_sandwich[] = {
	W("jambon-beurre", 100), W("jambon-emmental", 110), W("poulet crudités", 115),
	W("thon mayonnaise", 110), W("saumon fumé", 140), W("végétarien", 105),
	W("rillettes cornichons", 105), W("chèvre miel noix", 125), END };
static const struct demo_word q_sandwich[] = { W("", 100), W("en pain aux céréales", 110), END };
static const struct demo_word v_quiche[] = {
	W("lorraine", 100), W("aux poireaux", 100), W("saumon-épinards", 115), W("chèvre-courgette", 105),
	W("trois fromages", 105), END };
static const struct demo_word v_pizza[] = {
	W("margherita", 100), W("reine", 110), W("quatre fromages", 115), W("chorizo", 110),
	W("végétarienne", 105), END };
static const struct demo_word s_slice[] = { W("(part)", 100), W("entière", 520), END };
static const struct demo_word v_snack[] = {
	W("Croque-monsieur", 450), W("Croque-madame", 490), W("Salade niçoise", 750),
	W("Salade César", 780), W("Taboulé oriental", 520), W("Wrap poulet curry", 560),
	W("Panini tomate-mozzarella", 550), W("Feuilleté saucisse", 320),
	W("Café expresso à emporter", 150), W("Café crème à emporter", 250),
	W("Cappuccino à emporter", 320), W("Chocolat chaud à emporter", 300),
	W("Thé à emporter", 250), W("Jus d'orange pressé 25 cl", 400), END };

/* Groceries. */
static const struct demo_word v_jam[] = {
	W("de fraises", 100), W("d'abricots", 100), W("de framboises", 115), W("de cerises noires", 120),
	W("de figues", 115), W("d'oranges amères", 105), W("de myrtilles sauvages", 130),
	W("de mirabelles", 110), W("de rhubarbe", 100), W("de groseilles", 105), W("de coings", 105),
	W("de prunes", 95), END };
static const struct demo_word q_jam[] = { W("", 100), W("extra", 115), W("bio", 130), END };
static const struct demo_word v_honey[] = {
	W("de lavande", 110), W("d'acacia", 115), W("de châtaignier", 100), W("de tilleul", 105),
	W("toutes fleurs", 85), W("de montagne", 100), W("de sapin", 125), W("de thym", 120), END };
static const struct demo_word q_honey[] = { W("", 100), W("bio", 125), END };
static const struct demo_word s_honey[] = { WC("250 g", 100, 12), WC("500 g", 180, 12), WC("1 kg", 330, 6), END };
static const struct demo_word v_olive[] = {
	W("", 100), W("de Provence", 150), W("d'Espagne", 90), W("de Grèce", 105), W("d'Italie", 110),
	W("AOP Nyons", 170), END };
static const struct demo_word s_oil[] = { WC("50 cl", 70, 12), WC("75 cl", 100, 6), WC("1 l", 125, 6), WC("3 l", 330, 4), END };
static const struct demo_word v_oil[] = {
	W("de tournesol", 40), W("de colza", 45), W("de noix", 160), W("de pépins de raisin", 80),
	W("d'arachide", 60), W("de sésame grillé", 140), END };
static const struct demo_word s_bottle[] = { WC("50 cl", 100, 12), WC("1 l", 180, 6), END };
static const struct demo_word v_vinegar[] = {
	W("de vin rouge", 100), W("de cidre", 100), W("balsamique de Modène", 180), W("de Xérès", 160),
	W("à la framboise", 150), W("blanc d'alcool", 60), END };
static const struct demo_word s_vinegar[] = { W("25 cl", 60), W("50 cl", 100), W("1 l", 170), END };
static const struct demo_word v_coffee[] = {
	W("pur arabica", 100), W("corsé", 95), W("doux", 95), W("décaféiné", 110), W("d'Éthiopie", 130),
	W("de Colombie", 120), W("du Brésil", 110), W("du Guatemala", 125), W("de Sumatra", 135), END };
static const struct demo_word s_coffee[] = { WC("250 g", 100, 12), WC("500 g", 185, 12), WC("1 kg", 350, 6), END };
static const struct demo_word s_beans[] = { WC("500 g", 100, 12), WC("1 kg", 190, 6), END };
static const struct demo_word v_capsule[] = {
	W("espresso", 100), W("lungo", 100), W("ristretto", 105), W("décaféiné", 105), W("vanille", 110),
	W("caramel", 110), END };
static const struct demo_word s_capsule[] = { W("x10", 100), W("x30", 280), W("x50", 440), END };
static const struct demo_word v_tea[] = {
	W("vert à la menthe", 100), W("noir Earl Grey", 100), W("noir English Breakfast", 95),
	W("vert Sencha", 110), W("noir Darjeeling", 130), W("noir Assam", 105), W("blanc Pai Mu Tan", 150),
	W("vert au jasmin", 110), W("noir chaï épicé", 110), W("fumé Lapsang Souchong", 130),
	W("Oolong", 140), W("vert Matcha", 220), END };
static const struct demo_word s_tea[] = { W("20 sachets", 100), W("boîte 100 g", 170), W("vrac 250 g", 320), END };
static const struct demo_word v_infusion[] = {
	W("verveine", 100), W("camomille", 100), W("tilleul", 100), W("menthe douce", 100),
	W("thym-citron", 105), W("fruits rouges", 110), W("gingembre-citron", 110), W("nuit tranquille", 115), END };
static const struct demo_word s_infusion[] = { W("20 sachets", 100), W("40 sachets", 180), END };
static const struct demo_word v_darkchoc[] = {
	W("70 %", 100), W("85 %", 105), W("99 %", 115), W("aux amandes", 110), W("à l'orange", 105),
	W("à la fleur de sel", 105), W("aux noisettes", 110), W("au piment d'Espelette", 120), END };
static const struct demo_word q_choc[] = { W("", 100), W("bio", 125), W("équitable", 115), END };
static const struct demo_word s_choc[] = { WC("100 g", 100, 20), WC("200 g", 185, 10), END };
static const struct demo_word v_milkchoc[] = {
	W("", 100), W("aux noisettes entières", 115), W("au caramel", 105), W("aux amandes", 110),
	W("au riz soufflé", 100), END };
static const struct demo_word v_pasta[] = {
	W("coquillettes", 100), W("spaghetti", 100), W("penne rigate", 100), W("fusilli", 100),
	W("farfalle", 105), W("tagliatelles", 120), W("linguine", 105), W("macaroni", 100),
	W("torsades", 100), W("lasagnes", 120), W("orzo", 110), W("conchiglie", 105), END };
static const struct demo_word q_pasta[] = { W("", 100), W("complètes", 115), END };
static const struct demo_word s_pasta[] = { WC("500 g", 100, 24), WC("1 kg", 180, 12), END };
static const struct demo_word v_rice[] = {
	W("basmati", 120), W("thaï parfumé", 115), W("long grain", 80), W("complet", 100),
	W("arborio pour risotto", 140), W("rouge de Camargue", 150), W("sauvage mélange", 170), END };
static const struct demo_word s_rice[] = { WC("500 g", 100, 12), WC("1 kg", 180, 12), WC("5 kg", 780, 0), END };
static const struct demo_word v_pulse[] = {
	W("Lentilles vertes du Puy", 130), W("Lentilles corail", 110), W("Pois chiches", 100),
	W("Haricots rouges", 100), W("Haricots blancs lingots", 120), W("Flageolets", 115),
	W("Pois cassés", 90), W("Quinoa blanc", 200), W("Boulgour", 100), W("Semoule fine", 80),
	W("Semoule moyenne", 80), END };
static const struct demo_word s_pulse[] = { WC("500 g", 100, 12), WC("1 kg", 180, 6), END };
static const struct demo_word v_flour[] = {
	W("de blé T45", 100), W("de blé T55", 95), W("de blé T65", 105), W("de blé T80", 115),
	W("de blé T110", 125), W("de seigle", 140), W("de sarrasin", 170), W("d'épeautre", 180),
	W("de riz", 160), W("de châtaigne", 320), END };
static const struct demo_word s_flour[] = { WC("1 kg", 100, 10), WC("5 kg", 420, 0), END };
static const struct demo_word v_sugar[] = {
	W("Sucre en poudre", 100), W("Sucre en morceaux", 110), W("Sucre roux de canne", 160),
	W("Sucre glace", 130), W("Cassonade", 170), END };
static const struct demo_word s_sugar[] = { WC("500 g", 100, 20), WC("1 kg", 170, 10), END };
static const struct demo_word v_salt[] = {
	W("Sel fin", 100), W("Gros sel", 100), W("Fleur de sel de Guérande", 450),
	W("Sel rose de l'Himalaya", 300), END };
static const struct demo_word s_salt[] = { W("250 g", 100), W("1 kg", 250), END };
static const struct demo_word v_spice[] = {
	W("Cumin moulu", 100), W("Curcuma moulu", 100), W("Paprika doux", 95), W("Paprika fumé", 110),
	W("Poivre noir en grains", 120), W("Poivre blanc moulu", 130), W("Herbes de Provence", 90),
	W("Cannelle moulue", 100), W("Piment d'Espelette AOP", 260), W("Gingembre moulu", 100),
	W("Muscade moulue", 120), W("Curry doux", 100), W("Ras el-hanout", 110), W("Garam masala", 110),
	W("Clous de girofle", 130), W("Cardamome verte", 220), W("Origan", 90), W("Thym", 90),
	W("Feuilles de laurier", 80), W("Baies roses", 170), END };
static const struct demo_word s_spice[] = { W("pot 40 g", 100), W("sachet 100 g", 180), END };
static const struct demo_word v_mustard[] = {
	W("de Dijon", 100), W("à l'ancienne", 105), W("au miel", 115), W("à l'estragon", 115),
	W("violette de Brive", 150), END };
static const struct demo_word s_mustard[] = { WC("200 g", 100, 12), WC("370 g", 160, 12), END };
static const struct demo_word v_sauce[] = {
	W("Sauce tomate basilic", 100), W("Sauce bolognaise", 130), W("Pesto vert", 160),
	W("Pesto rouge", 160), W("Mayonnaise", 110), W("Ketchup", 100), W("Sauce béarnaise", 130),
	W("Sauce soja salée", 120), W("Sauce curry", 120), W("Harissa", 90), END };
static const struct demo_word s_sauce[] = { WC("190 g", 100, 12), WC("400 g", 170, 12), END };
static const struct demo_word v_tin[] = {
	W("Haricots verts extra-fins", 120), W("Petits pois carottes", 100), W("Maïs doux", 90),
	W("Cassoulet", 220), W("Ratatouille", 170), W("Choucroute garnie", 240),
	W("Lentilles cuisinées", 150), W("Raviolis pur bœuf", 160), W("Tomates pelées", 80),
	W("Cœurs d'artichauts", 220), W("Champignons de Paris émincés", 110),
	W("Pois chiches au naturel", 80), W("Petits pois extra-fins", 120), W("Flageolets verts", 110), END };
static const struct demo_word s_tin[] = { WC("400 g", 100, 12), WC("800 g", 170, 12), END };
static const struct demo_word v_fish[] = {
	W("Sardines à l'huile d'olive", 100), W("Sardines au citron", 105), W("Sardines à la tomate", 100),
	W("Sardines millésimées", 190), W("Thon au naturel", 110), W("Thon à l'huile d'olive", 120),
	W("Thon albacore", 150), W("Maquereaux au vin blanc", 90), W("Maquereaux à la moutarde", 90),
	W("Rillettes de thon", 110), END };
static const struct demo_word s_fish[] = { WC("115 g", 100, 12), WC("x3", 270, 0), END };
static const struct demo_word v_cheese[] = {
	W("Fromage de chèvre", 100), W("Camembert de Normandie AOP", 110), W("Brie de Meaux AOP", 150),
	W("Comté AOP 12 mois", 180), W("Roquefort AOP", 170), W("Reblochon AOP", 160),
	W("Emmental râpé", 90), W("Mozzarella di bufala", 110), W("Saint-Nectaire", 170),
	W("Tomme de Savoie", 160), W("Coulommiers", 100), W("Bleu d'Auvergne", 120),
	W("Mimolette vieille", 150), W("Munster AOP", 130), W("Pont-l'évêque", 150),
	W("Crottin de Chavignol", 90), END };
static const struct demo_word q_cheese[] = { W("", 100), W("bio", 125), W("au lait cru", 115), END };
static const struct demo_word v_butter[] = {
	W("doux", 100), W("demi-sel", 100), W("aux cristaux de sel de Noirmoutier", 130),
	W("AOP Charentes-Poitou", 125), END };
static const struct demo_word s_butter[] = { W("125 g", 55), W("250 g", 100), END };
static const struct demo_word v_yogurt[] = {
	W("nature", 100), W("à la vanille", 110), W("à la fraise", 110), W("au citron", 110),
	W("à la grecque", 130), W("au lait de brebis", 150), END };
static const struct demo_word s_yogurt[] = { W("x4", 100), W("x8", 180), END };
static const struct demo_word v_milk[] = {
	W("Lait entier", 110), W("Lait demi-écrémé", 100), W("Lait écrémé", 95), W("Boisson à l'avoine", 190),
	W("Boisson à l'amande", 220), W("Boisson au soja", 170), W("Crème fraîche épaisse", 200),
	W("Crème fraîche liquide", 180), END };
static const struct demo_word s_milk[] = { WC("50 cl", 60, 12), WC("1 l", 100, 6), END };
static const struct demo_word v_egg[] = {
	W("plein air", 100), W("bio", 125), W("de poules élevées au sol", 85), W("extra-frais", 110), END };
static const struct demo_word s_egg[] = { W("x6", 100), W("x12", 190), W("x30", 430), END };
static const struct demo_word v_biscuit[] = {
	W("Petits beurre", 100), W("Palets bretons", 150), W("Galettes au beurre", 140),
	W("Cookies aux pépites de chocolat", 150), W("Spéculoos", 120), W("Langues de chat", 160),
	W("Gaufrettes à la vanille", 110), W("Crêpes dentelle", 170), W("Boudoirs", 110),
	W("Tuiles aux amandes", 180), W("Biscuits fourrés à la fraise", 120), W("Madeleines pur beurre", 160),
	W("Sablés bretons", 150), W("Financiers aux amandes", 190), END };
static const struct demo_word s_biscuit[] = { WC("150 g", 100, 12), WC("300 g", 180, 12), END };
static const struct demo_word v_cereal[] = {
	W("Flocons d'avoine", 100), W("Muesli aux fruits secs", 150), W("Granola au chocolat", 170),
	W("Pétales de maïs", 110), W("Muesli croustillant", 160), W("Céréales au miel", 140),
	W("Riz soufflé au chocolat", 140), END };
static const struct demo_word s_cereal[] = { WC("375 g", 100, 10), WC("750 g", 175, 6), END };
static const struct demo_word v_juice[] = {
	W("d'orange pur jus", 100), W("de pomme", 85), W("de raisin", 90), W("multifruits", 90),
	W("d'ananas", 100), W("de pamplemousse rose", 105), W("de tomate", 95), W("de pomme-cassis", 100), END };
static const struct demo_word s_juice[] = { WC("25 cl", 45, 24), WC("1 l", 100, 6), END };
static const struct demo_word v_water[] = {
	W("Eau minérale naturelle", 100), W("Eau de source", 80), W("Eau gazeuse", 110),
	W("Eau pétillante au citron", 130), END };
static const struct demo_word s_water[] = { WC("50 cl", 60, 24), WC("1 l", 85, 12), WC("1,5 l", 100, 6), END };
static const struct demo_word v_soda[] = {
	W("Limonade artisanale", 110), W("Cola", 100), W("Cola zéro", 100), W("Tonic", 105),
	W("Soda à l'orange", 95), W("Ginger beer", 120), W("Thé glacé à la pêche", 100),
	W("Limonade à la framboise", 115), END };
static const struct demo_word s_soda[] = { WC("33 cl", 100, 24), WC("1,5 l", 210, 6), END };
static const struct demo_word v_syrup[] = {
	W("de menthe", 100), W("de grenadine", 100), W("de citron", 100), W("de fraise", 105),
	W("d'orgeat", 115), W("de violette", 130), W("de pêche", 105), END };
static const struct demo_word s_syrup[] = { WC("70 cl", 100, 6), WC("1 l", 135, 6), END };
static const struct demo_word v_crisps[] = {
	W("nature", 100), W("au sel de Guérande", 115), W("saveur barbecue", 105), W("au vinaigre", 105),
	W("ondulées", 100), W("de légumes", 140), END };
static const struct demo_word s_crisps[] = { WC("45 g", 40, 20), WC("150 g", 100, 12), WC("300 g", 170, 8), END };
static const struct demo_word v_nuts[] = {
	W("Cacahuètes grillées salées", 60), W("Pistaches grillées", 150), W("Amandes décortiquées", 130),
	W("Noix de cajou", 140), W("Noisettes entières", 120), W("Raisins secs", 60),
	W("Abricots secs", 100), W("Dattes Medjool", 160), W("Pruneaux d'Agen", 110),
	W("Figues séchées", 100), W("Mélange du randonneur", 110), END };
static const struct demo_word s_nuts[] = { W("125 g", 100), W("250 g", 180), W("500 g", 330), END };
static const struct demo_word v_candy[] = {
	W("Calissons d'Aix", 250), W("Nougat de Montélimar", 200), W("Pâtes de fruits", 160),
	W("Guimauves", 100), W("Caramels au beurre salé", 140), W("Dragées aux amandes", 180),
	W("Berlingots", 110), W("Réglisse", 100), W("Pralines roses", 120), W("Bêtises de Cambrai", 120),
	W("Marrons glacés", 400), W("Florentins", 210), END };
static const struct demo_word s_candy[] = { W("100 g", 100), W("200 g", 185), W("boîte 400 g", 380), END };
static const struct demo_word v_fine[] = {
	W("Foie gras de canard entier 180 g", 2490), W("Pâté de campagne 180 g", 150),
	W("Rillettes du Mans 220 g", 200), W("Terrine de canard 180 g", 260),
	W("Soupe de poissons 780 ml", 320), W("Tapenade noire 90 g", 180), W("Tapenade verte 90 g", 180),
	W("Caviar d'aubergine 90 g", 170), W("Pâte à tartiner noisettes 400 g", 290),
	W("Crème de marrons 250 g", 220), W("Cornichons extra-fins 370 g", 180),
	W("Olives vertes à la provençale 200 g", 190), W("Olives noires de Nyons 200 g", 290),
	W("Anchois marinés 100 g", 260), END };
static const struct demo_word v_soup[] = {
	W("de potiron", 100), W("de légumes", 95), W("poireaux pommes de terre", 95), W("de tomates", 100),
	W("de champignons", 110), W("d'asperges", 120), W("potimarron-châtaigne", 120), END };
static const struct demo_word s_soup[] = { WC("50 cl", 60, 12), WC("1 l", 100, 6), END };

/* Essential oils and aromatherapy. */
static const struct demo_word v_essential[] = {
	W("de lavande vraie", 100), W("de lavande aspic", 90), W("de lavandin super", 70),
	W("d'eucalyptus radié", 100), W("d'eucalyptus globulus", 80), W("d'eucalyptus citronné", 85),
	W("de tea tree", 100), W("de menthe poivrée", 100), W("de citron", 80), W("d'orange douce", 65),
	W("de bergamote", 110), W("de pamplemousse", 110), W("de mandarine", 90), W("de ravintsara", 110),
	W("de romarin à cinéole", 90), W("de romarin à camphre", 90), W("de thym à linalol", 250),
	W("de niaouli", 80), W("de géranium rosat", 180), W("d'ylang-ylang", 150),
	W("de petit grain bigarade", 110), W("de cèdre de l'Atlas", 75), W("de pin sylvestre", 95),
	W("de sapin baumier", 110), W("de gaulthérie couchée", 100), W("d'hélichryse italienne", 480),
	W("de camomille romaine", 420), W("de cannelle de Ceylan", 160), W("de clou de girofle", 90),
	W("de citronnelle de Java", 70), W("de palmarosa", 95), W("de marjolaine à coquilles", 170),
	W("de basilic tropical", 120), W("d'encens oliban", 200), W("de laurier noble", 180),
	W("de sauge sclarée", 170), W("de cyprès", 95), W("de litsée citronnée", 75), END };
static const struct demo_word s_essential[] = { W("5 ml", 60), W("10 ml", 100), W("30 ml", 240), END };
static const struct demo_word v_carrier[] = {
	W("d'argan", 150), W("de jojoba", 120), W("d'amande douce", 70), W("de rose musquée", 160),
	W("de calendula", 110), W("de noyau d'abricot", 80), W("de ricin", 70), W("de nigelle", 130),
	W("de coco vierge", 90), END };
static const struct demo_word s_carrier[] = { W("50 ml", 100), W("100 ml", 170), END };
static const struct demo_word v_hydrolat[] = {
	W("de fleur d'oranger", 100), W("de rose de Damas", 120), W("de lavande", 95), W("de camomille", 115),
	W("d'hamamélis", 100), W("de bleuet", 105), W("de menthe poivrée", 95), END };
static const struct demo_word v_synergy[] = {
	W("sommeil", 100), W("respiration", 100), W("détente", 100), W("tonus", 100), W("purifiante", 95),
	W("anti-moustiques", 90), END };
static const struct demo_word s_synergy[] = { W("10 ml", 100), W("30 ml", 230), END };
static const struct demo_word v_diffuser[] = {
	W("Diffuseur par nébulisation", 100), W("Diffuseur ultrasonique bois clair", 80),
	W("Diffuseur ultrasonique céramique", 90), W("Diffuseur de voiture USB", 35),
	W("Diffuseur en pierre de lave", 25), W("Roll-on sommeil 10 ml", 14), W("Roll-on stress 10 ml", 14),
	W("Roll-on après-piqûres 10 ml", 14), W("Inhalateur nasal vide", 5), W("Coffret découverte 6 huiles", 55), END };

/* PC parts. */
static const struct demo_word v_nvme[] = { W("", 100), W("PCIe 4.0", 115), W("PCIe 4.0 avec dissipateur", 125), W("PCIe 5.0", 170), END };
static const struct demo_word s_capacity[] = { W("256 Go", 40), W("500 Go", 60), W("1 To", 100), W("2 To", 180), W("4 To", 350), END };
static const struct demo_word v_drive[] = {
	W("SSD SATA 2,5 pouces", 95), W("SSD externe USB-C", 130), W("Disque dur 3,5 pouces 7200 tr/min", 70),
	W("Disque dur 2,5 pouces portable", 80), W("Disque dur NAS 3,5 pouces", 95), END };
static const struct demo_word s_drive[] = { W("1 To", 100), W("2 To", 160), W("4 To", 270), W("8 To", 480), END };
static const struct demo_word v_ddr4[] = { W("DDR4", 100), W("SO-DIMM DDR4", 100), END };
static const struct demo_word q_ram[] = { W("8 Go", 55), W("16 Go", 100), W("32 Go", 190), END };
static const struct demo_word s_ddr4[] = { W("2666", 95), W("3200", 100), W("3600", 110), END };
static const struct demo_word v_ddr5[] = { W("DDR5", 135), W("SO-DIMM DDR5", 135), END };
static const struct demo_word q_ram5[] = { W("8 Go", 55), W("16 Go", 100), W("32 Go", 190), W("64 Go", 370), END };
static const struct demo_word s_ddr5[] = { W("4800", 95), W("5600", 100), W("6000", 110), END };
static const struct demo_word v_cable[] = {
	W("HDMI 2.1", 100), W("HDMI 2.0", 80), W("DisplayPort 1.4", 110), W("USB-C vers USB-C 100 W", 110),
	W("USB-C vers USB-A", 80), W("USB-C vers Lightning", 100), W("USB-A vers micro-USB", 60),
	W("Ethernet RJ45 Cat 6", 70), W("Ethernet RJ45 Cat 6a", 85), W("Ethernet RJ45 Cat 8", 120),
	W("audio jack 3,5 mm", 60), W("d'alimentation C13", 70), W("Thunderbolt 4", 300), END };
static const struct demo_word s_length[] = { W("1 m", 80), W("2 m", 100), W("3 m", 125), W("5 m", 170), END };
static const struct demo_word v_adapter[] = {
	W("Adaptateur USB-C vers HDMI", 100), W("Adaptateur USB-C vers Ethernet", 110),
	W("Adaptateur DisplayPort vers HDMI", 90), W("Adaptateur HDMI vers VGA", 90),
	W("Adaptateur USB vers série RS-232", 120), W("Adaptateur Bluetooth 5.3 USB", 70),
	W("Clé Wi-Fi 6 USB", 170), W("Hub USB-C 4 ports", 130), W("Hub USB 3.0 7 ports alimenté", 190),
	W("Station d'accueil USB-C 8-en-1", 450), END };
static const struct demo_word v_mouse[] = {
	W("sans fil", 100), W("filaire", 60), W("ergonomique verticale sans fil", 200), W("de jeu RGB", 250),
	W("Bluetooth silencieuse", 140), W("de voyage", 90), END };
static const struct demo_word q_colour[] = { W("", 100), W("blanche", 105), W("rose", 105), END };
static const struct demo_word v_keyboard[] = {
	W("AZERTY", 100), W("AZERTY sans fil", 140), W("AZERTY mécanique", 320), W("AZERTY compact", 110),
	W("QWERTY US", 110), W("AZERTY rétroéclairé", 170), W("AZERTY ergonomique", 240),
	W("et souris sans fil AZERTY", 190), END };
static const struct demo_word q_white[] = { W("", 100), W("blanc", 105), END };
static const struct demo_word v_screen[] = {
	W("24 pouces Full HD IPS", 100), W("27 pouces QHD IPS", 160), W("27 pouces 4K", 230),
	W("32 pouces 4K", 290), W("34 pouces incurvé UWQHD", 350), W("24 pouces 165 Hz", 130),
	W("27 pouces 144 Hz", 170), END };
static const struct demo_word q_screen[] = { W("", 100), W("réglable en hauteur", 115), END };
static const struct demo_word v_usbkey[] = { W("", 100), W("métal", 115), W("USB-C", 120), END };
static const struct demo_word s_usbkey[] = { W("32 Go", 100), W("64 Go", 140), W("128 Go", 210), W("256 Go", 380), W("512 Go", 700), END };
static const struct demo_word v_card[] = { W("microSDXC", 100), W("SDXC", 110), END };
static const struct demo_word s_card[] = { W("64 Go", 100), W("128 Go", 160), W("256 Go", 290), W("512 Go", 540), END };
static const struct demo_word v_psu[] = { W("550 W", 100), W("650 W", 115), W("750 W", 135), W("850 W", 160), W("1000 W", 210), END };
static const struct demo_word q_psu[] = { W("80+ Bronze", 100), W("80+ Gold", 125), W("80+ Gold modulaire", 145), W("80+ Platinum", 190), END };
/* Priced item by item: the percentages are cents of a 1-euro base. */
static const struct demo_word v_component[] = {
	W("Carte graphique 8 Go GDDR6", 29999), W("Carte graphique 12 Go GDDR6X", 59999),
	W("Carte graphique 16 Go GDDR6", 47999), W("Processeur 6 cœurs 3,7 GHz", 15999),
	W("Processeur 8 cœurs 4,2 GHz", 27999), W("Processeur 12 cœurs 4,4 GHz", 39999),
	W("Processeur 16 cœurs 4,5 GHz", 56999), W("Carte mère ATX AM5", 21999),
	W("Carte mère micro-ATX AM5", 14999), W("Carte mère ATX LGA1700", 19999),
	W("Carte mère mini-ITX LGA1700", 17999), W("Boîtier PC moyen tour", 6999),
	W("Boîtier PC moyen tour vitré RGB", 9999), W("Boîtier PC mini-ITX", 8999),
	W("Ventilateur 120 mm", 999), W("Ventilateur 120 mm PWM", 1299), W("Ventilateur 140 mm PWM", 1599),
	W("Ventilateur 120 mm RGB x3", 3999), W("Ventirad tour simple", 2999),
	W("Ventirad double tour", 6999), W("Watercooling AIO 240 mm", 9999),
	W("Watercooling AIO 360 mm", 13999), W("Pâte thermique 4 g", 799), END };
static const struct demo_word v_network[] = {
	W("Routeur Wi-Fi 6", 8999), W("Routeur Wi-Fi 7", 19999), W("Switch 5 ports Gigabit", 1999),
	W("Switch 8 ports Gigabit", 2999), W("Switch 16 ports Gigabit", 6999), W("Switch 8 ports PoE", 8999),
	W("Répéteur Wi-Fi", 3499), W("Kit CPL 1000 Mbit/s", 7999), END };
static const struct demo_word v_accessory[] = {
	W("Casque filaire USB", 3999), W("Casque sans fil Bluetooth", 6999), W("Casque de jeu 7.1", 8999),
	W("Casque à réduction de bruit", 19999), W("Webcam Full HD 1080p", 4999), W("Webcam 4K", 12999),
	W("Micro USB à condensateur", 8999), W("Enceintes PC 2.0", 3999), W("Enceintes PC 2.1", 8999),
	W("Chargeur USB-C 20 W", 1999), W("Chargeur USB-C 30 W", 2499), W("Chargeur USB-C 65 W GaN", 4999),
	W("Chargeur USB-C 100 W GaN", 6999), W("Batterie externe 10 000 mAh", 2999),
	W("Batterie externe 20 000 mAh", 4999), W("Tapis de souris", 999), W("Tapis de souris XXL", 2499),
	W("Onduleur 600 VA", 8999), W("Onduleur 1000 VA", 15999), W("Onduleur 1500 VA", 24999),
	W("Imprimante jet d'encre multifonction", 12999), W("Cartouche d'encre noire", 2499),
	W("Cartouche d'encre couleur", 2999), W("Cartouche d'encre XL noire", 3999),
	W("Ramette papier A4 80 g 500 feuilles", 599), W("Support pour écran double", 6999),
	W("Support ventilé pour portable", 3499), END };

/* Household. */
static const struct demo_word v_sponge[] = {
	W("grattante", 100), W("double face", 110), W("microfibre", 130), W("végétale", 140), W("inox", 90),
	W("magique", 120), END };
static const struct demo_word s_sponge[] = { W("", 40), W("x3", 100), W("x6", 180), END };
static const struct demo_word v_dish[] = {
	W("citron", 100), W("écologique", 120), W("main douce aloe vera", 110), W("dégraissant", 105),
	W("vinaigre de cidre", 105), W("sans parfum", 110), END };
static const struct demo_word s_dish[] = { WC("500 ml", 100, 12), WC("750 ml", 140, 12), WC("1 l", 175, 6), WC("5 l", 700, 0), END };
static const struct demo_word v_laundry[] = {
	W("", 100), W("écologique", 115), W("peaux sensibles", 110), W("couleurs", 105),
	W("au savon de Marseille", 105), W("fraîcheur lavande", 100), END };
static const struct demo_word s_laundry[] = { WC("1 l", 55, 6), WC("2 l", 100, 4), WC("3 l", 140, 4), END };
static const struct demo_word v_laundry2[] = {
	W("Lessive en poudre 2,5 kg", 100), W("Lessive capsules x20", 80), W("Lessive capsules x40", 140),
	W("Adoucissant 1 l", 45), W("Adoucissant 2 l", 75), W("Détachant avant lavage 750 ml", 60),
	W("Pastilles lave-vaisselle x30", 80), W("Pastilles lave-vaisselle x60", 140),
	W("Pastilles lave-vaisselle x100", 210), W("Sel régénérant lave-vaisselle 2 kg", 35),
	W("Liquide de rinçage 500 ml", 40), W("Lingettes anti-décoloration x24", 55), END };
static const struct demo_word v_cleaner[] = {
	W("multi-usages", 100), W("vitres", 95), W("salle de bains", 110), W("cuisine dégraissant", 110),
	W("sols", 100), W("WC gel", 95), W("anticalcaire", 110), W("four", 140), END };
static const struct demo_word q_eco[] = { W("", 100), W("écologique", 120), END };
static const struct demo_word s_cleaner[] = { WC("500 ml", 100, 12), WC("750 ml", 130, 12), WC("1 l", 160, 6), END };
static const struct demo_word v_basic[] = {
	W("Vinaigre ménager 14° 1 l", 100), W("Vinaigre ménager 14° 5 l", 380), W("Bicarbonate de soude 500 g", 150),
	W("Bicarbonate de soude 1 kg", 260), W("Savon noir liquide 1 l", 330), W("Cristaux de soude 1 kg", 190),
	W("Eau de Javel 1 l", 90), W("Eau de Javel 2 l", 150), W("Percarbonate de soude 1 kg", 380),
	W("Acide citrique 500 g", 350), W("Terre de Sommières 500 g", 420), W("Alcool ménager 1 l", 210), END };
static const struct demo_word v_bulb[] = { W("E27", 100), W("E14", 100), W("GU10", 105), W("B22", 105), END };
static const struct demo_word q_lumen[] = { W("470 lm", 80), W("806 lm", 100), W("1055 lm", 125), W("1521 lm", 160), END };
static const struct demo_word s_bulb[] = { W("", 100), W("blanc froid", 100), W("filament", 140), END };
static const struct demo_word v_battery[] = {
	W("alcalines AA", 100), W("alcalines AAA", 100), W("alcalines C", 150), W("alcalines D", 170),
	W("alcalines 9 V", 250), W("rechargeables AA 2000 mAh", 300), W("rechargeables AAA 800 mAh", 280), END };
static const struct demo_word s_battery[] = { WC("x4", 100, 12), WC("x8", 180, 12), WC("x12", 250, 6), END };
static const struct demo_word v_button[] = { W("CR2032", 100), W("CR2025", 100), W("CR2016", 100), W("LR44", 80), END };
static const struct demo_word s_button[] = { W("x1", 100), W("x2", 170), W("x5", 350), END };
static const struct demo_word v_binbag[] = { W("20 l", 70), W("30 l", 85), W("50 l", 100), W("100 l", 150), END };
static const struct demo_word q_binbag[] = { W("", 100), W("à liens coulissants", 130), W("parfumés", 120), W("renforcés", 140), END };
static const struct demo_word s_binbag[] = { WC("x20", 100, 20), WC("x50", 210, 10), END };
static const struct demo_word v_tissue[] = {
	W("Papier toilette", 100), W("Papier toilette double épaisseur", 120), W("Papier toilette recyclé", 95),
	W("Essuie-tout", 110), W("Essuie-tout maxi feuilles", 130), END };
static const struct demo_word s_tissue[] = { WC("x4", 100, 12), WC("x12", 270, 4), WC("x24", 500, 0), END };
static const struct demo_word v_kitchen[] = {
	W("Film alimentaire 30 m", 100), W("Film alimentaire 50 m", 150), W("Papier aluminium 20 m", 120),
	W("Papier aluminium 50 m", 260), W("Papier cuisson 8 m", 100), W("Papier cuisson 25 m", 260),
	W("Sacs congélation 1 l x50", 110), W("Sacs congélation 3 l x30", 130), W("Boîte de 10 mouchoirs x15", 110),
	W("Mouchoirs en boîte x100", 90), W("Allumettes x4 boîtes", 80), W("Bougies chauffe-plat x30", 140),
	W("Bougies chauffe-plat x100", 350), W("Gants de ménage taille S", 90), W("Gants de ménage taille M", 90),
	W("Gants de ménage taille L", 90), W("Serpillière microfibre", 150), W("Balai intérieur", 450),
	W("Seau 10 l", 300), W("Raclette vitres", 350), W("Pelle et balayette", 290), W("Lavettes microfibre x5", 250),
	W("Pinces à linge x24", 190), W("Rallonge électrique 3 m", 450), W("Rallonge électrique 5 m", 600),
	W("Multiprise 4 prises", 600), W("Multiprise 6 prises parafoudre", 1200), W("Ruban adhésif x3", 150), END };
static const struct demo_word v_scent[] = { W("vanille", 100), W("figue", 100), W("lavande", 100), W("bois de santal", 110), W("fleur de coton", 100), W("agrumes", 100), END };
static const struct demo_word s_candle[] = { W("", 100), W("grand modèle", 220), END };
static const struct demo_word s_freshener[] = { W("aérosol 300 ml", 100), W("diffuseur à bâtonnets 100 ml", 260), END };
static const struct demo_word v_hygiene[] = {
	W("Gel douche", 100), W("Shampooing", 120), W("Savon liquide", 90), W("Crème mains", 150), END };
static const struct demo_word q_hygiene[] = {
	W("à l'huile d'olive", 100), W("à l'amande douce", 100), W("au lait d'avoine", 105), W("à la fleur d'oranger", 110),
	W("au miel", 105), END };
static const struct demo_word s_hygiene[] = { W("250 ml", 100), W("500 ml", 170), END };
static const struct demo_word v_care[] = {
	W("Savon de Marseille cube 300 g", 100), W("Savon d'Alep 200 g", 160), W("Savon au lait d'ânesse 100 g", 180),
	W("Dentifrice menthe fraîche 75 ml", 80), W("Dentifrice blancheur 75 ml", 100),
	W("Dentifrice protection gencives 75 ml", 110), W("Dentifrice enfants fraise 50 ml", 80),
	W("Brosse à dents souple", 70), W("Brosse à dents médium", 70), W("Brosse à dents en bambou", 110),
	W("Cotons démaquillants x80", 60), W("Cotons-tiges x200", 55), W("Déodorant bille 50 ml", 90), END };

/* Press: the one kind of goods at 2.1 % in France. */
static const struct demo_word v_press[] = {
	W("Quotidien Le Petit Matin", 130), W("Hebdo Cuisine & Saveurs", 290), W("Mensuel Jardin Facile", 450),
	W("Mensuel Informatique Pratique", 590), W("Mots fléchés Force 2", 250), W("Le Journal des Enfants", 220), END };

#define F(sec, cat, name, v, q, s, brands, price, tax, flags) \
	{ sec, cat, name, v, q, s, brands, price, tax, flags }

/* The order is the walk's order: SKUs are numbered along it. */
const struct demo_family demo_families[] = {
	F(DEMO_SEC_BAK, "Pains", "", v_bread, NULL, NULL, b_house, 100, DEMO_TK_BREAD, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Viennoiseries", "", v_viennoiserie, NULL, NULL, b_house, 100, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "", v_pastry, NULL, NULL, b_house, 100, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "Éclair", v_eclair, NULL, NULL, b_house, 260, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "Religieuse", v_religieuse, NULL, NULL, b_house, 320, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "Tarte", v_tarte, NULL, s_tarte, b_house, 320, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "Entremets", v_entremets, NULL, s_parts, b_house, 1600, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "Macarons", v_macaron, NULL, s_box, b_house, 900, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Pâtisseries", "Galette des rois", v_galette, NULL, s_parts, b_house, 1400, DEMO_TK_PASTRY, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Traiteur", "Sandwich", v_sandwich, q_sandwich, NULL, b_house, 450, DEMO_TK_PREPARED, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Traiteur", "Quiche", v_quiche, NULL, s_slice, b_house, 350, DEMO_TK_PREPARED, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Traiteur", "Pizza", v_pizza, NULL, s_slice, b_house, 380, DEMO_TK_PREPARED, DEMO_HOUSE),
	F(DEMO_SEC_BAK, "Traiteur", "", v_snack, NULL, NULL, b_house, 100, DEMO_TK_PREPARED, DEMO_HOUSE),

	F(DEMO_SEC_GRO, "Épicerie sucrée", "Confiture", v_jam, q_jam, s_jar, b_jam, 329, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie sucrée", "Miel", v_honey, q_honey, s_honey, b_honey, 590, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "Huile d'olive vierge extra", v_olive, q_bio, s_oil, b_olive, 899, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "Huile", v_oil, q_bio, s_bottle, b_olive, 450, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "Vinaigre", v_vinegar, NULL, s_vinegar, b_grocery, 249, DEMO_TK_PROCESSED, 0),
	F(DEMO_SEC_GRO, "Café et thé", "Café moulu", v_coffee, q_bio, s_coffee, b_coffee, 449, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Café et thé", "Café en grains", v_coffee, NULL, s_beans, b_coffee, 849, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Café et thé", "Capsules de café", v_capsule, NULL, s_capsule, b_coffee, 349, DEMO_TK_STAPLE, 0),
	F(DEMO_SEC_GRO, "Café et thé", "Thé", v_tea, q_bio, s_tea, b_tea, 349, DEMO_TK_STAPLE, 0),
	F(DEMO_SEC_GRO, "Café et thé", "Infusion", v_infusion, NULL, s_infusion, b_tea, 279, DEMO_TK_STAPLE, 0),
	F(DEMO_SEC_GRO, "Épicerie sucrée", "Chocolat noir", v_darkchoc, q_choc, s_choc, b_choc, 249, DEMO_TK_SNACK, DEMO_CASES),
	F(DEMO_SEC_GRO, "Confiserie", "Chocolat au lait", v_milkchoc, q_bio, s_choc, b_choc, 229, DEMO_TK_CONFECT, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "Pâtes", v_pasta, q_pasta, s_pasta, b_pasta, 149, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "Riz", v_rice, q_bio, s_rice, b_grocery, 219, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "", v_pulse, q_bio, s_pulse, b_grocery, 229, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie sucrée", "Farine", v_flour, q_bio, s_flour, b_pasta, 149, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie sucrée", "", v_sugar, NULL, s_sugar, b_grocery, 129, DEMO_TK_STAPLE, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "", v_salt, NULL, s_salt, b_spice, 119, DEMO_TK_FRESH, 0),
	F(DEMO_SEC_GRO, "Épices", "", v_spice, NULL, s_spice, b_spice, 289, DEMO_TK_STAPLE, 0),
	F(DEMO_SEC_GRO, "Épicerie salée", "Moutarde", v_mustard, NULL, s_mustard, b_grocery, 199, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Épicerie salée", "", v_sauce, q_bio, s_sauce, b_grocery, 219, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Conserves", "", v_tin, NULL, s_tin, b_tin, 189, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Conserves", "", v_fish, NULL, s_fish, b_tin, 299, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Fromages", "", v_cheese, q_cheese, NULL, b_dairy, 349, DEMO_TK_PROCESSED, 0),
	F(DEMO_SEC_GRO, "Crèmerie", "Beurre", v_butter, NULL, s_butter, b_dairy, 299, DEMO_TK_PROCESSED, 0),
	F(DEMO_SEC_GRO, "Crèmerie", "Yaourts", v_yogurt, q_bio, s_yogurt, b_dairy, 229, DEMO_TK_STAPLE, 0),
	F(DEMO_SEC_GRO, "Crèmerie", "", v_milk, NULL, s_milk, b_dairy, 119, DEMO_TK_FRESH, DEMO_CASES),
	F(DEMO_SEC_GRO, "Crèmerie", "Œufs frais", v_egg, NULL, s_egg, b_dairy, 229, DEMO_TK_FRESH, 0),
	F(DEMO_SEC_GRO, "Biscuits", "", v_biscuit, q_bio, s_biscuit, b_biscuit, 189, DEMO_TK_SNACK, DEMO_CASES),
	F(DEMO_SEC_GRO, "Petit déjeuner", "", v_cereal, q_bio, s_cereal, b_grocery, 279, DEMO_TK_SNACK, DEMO_CASES),
	F(DEMO_SEC_GRO, "Boissons", "Jus", v_juice, q_bio, s_juice, b_drink, 269, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Boissons", "", v_water, NULL, s_water, b_drink, 79, DEMO_TK_WATER, DEMO_CASES),
	F(DEMO_SEC_GRO, "Boissons", "", v_soda, NULL, s_soda, b_drink, 109, DEMO_TK_SODA, DEMO_CASES),
	F(DEMO_SEC_GRO, "Boissons", "Sirop", v_syrup, NULL, s_syrup, b_drink, 389, DEMO_TK_PROCESSED, DEMO_CASES),
	F(DEMO_SEC_GRO, "Apéritif", "Chips", v_crisps, NULL, s_crisps, b_grocery, 219, DEMO_TK_SNACK, DEMO_CASES),
	F(DEMO_SEC_GRO, "Fruits secs", "", v_nuts, NULL, s_nuts, b_grocery, 349, DEMO_TK_PROCESSED, 0),
	F(DEMO_SEC_GRO, "Confiserie", "", v_candy, NULL, s_candy, b_candy, 349, DEMO_TK_CONFECT, 0),
	F(DEMO_SEC_GRO, "Épicerie fine", "", v_fine, NULL, NULL, b_grocery, 100, DEMO_TK_PROCESSED, 0),
	F(DEMO_SEC_GRO, "Épicerie salée", "Velouté", v_soup, q_bio, s_soup, b_tin, 299, DEMO_TK_SNACK, DEMO_CASES),

	F(DEMO_SEC_OIL, "Huiles essentielles", "Huile essentielle", v_essential, q_bio, s_essential, b_aroma, 699, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_OIL, "Huiles végétales", "Huile végétale", v_carrier, q_bio, s_carrier, b_aroma, 899, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_OIL, "Hydrolats", "Hydrolat", v_hydrolat, q_bio, NULL, b_aroma, 790, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_OIL, "Synergies", "Synergie", v_synergy, q_bio, s_synergy, b_aroma, 990, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_OIL, "Diffusion", "", v_diffuser, NULL, NULL, b_aroma, 8000, DEMO_TK_GOODS, 0),

	F(DEMO_SEC_PC, "Stockage", "SSD NVMe", v_nvme, NULL, s_capacity, b_storage, 8999, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Stockage", "", v_drive, NULL, s_drive, b_storage, 7999, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Mémoire", "Barrette mémoire", v_ddr4, q_ram, s_ddr4, b_memory, 4499, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Mémoire", "Barrette mémoire", v_ddr5, q_ram5, s_ddr5, b_memory, 4499, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Mémoire", "Clé USB 3.2", v_usbkey, NULL, s_usbkey, b_memory, 899, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Mémoire", "Carte mémoire", v_card, NULL, s_card, b_memory, 1499, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Câbles et adaptateurs", "Câble", v_cable, NULL, s_length, b_cable, 1299, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Câbles et adaptateurs", "", v_adapter, NULL, NULL, b_cable, 1999, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Périphériques", "Souris", v_mouse, q_colour, NULL, b_periph, 2499, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Périphériques", "Clavier", v_keyboard, q_white, NULL, b_periph, 2999, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Périphériques", "Écran", v_screen, q_screen, NULL, b_periph, 14999, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Composants", "Alimentation ATX", v_psu, q_psu, NULL, b_parts, 6999, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Composants", "", v_component, NULL, NULL, b_parts, 100, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Réseau", "", v_network, NULL, NULL, b_parts, 100, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_PC, "Accessoires", "", v_accessory, NULL, NULL, b_periph, 100, DEMO_TK_GOODS, 0),

	F(DEMO_SEC_HOM, "Entretien", "Éponge", v_sponge, NULL, s_sponge, b_clean, 249, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Entretien", "Liquide vaisselle", v_dish, NULL, s_dish, b_clean, 199, DEMO_TK_GOODS, DEMO_CASES),
	F(DEMO_SEC_HOM, "Linge", "Lessive liquide", v_laundry, NULL, s_laundry, b_laundry, 899, DEMO_TK_GOODS, DEMO_CASES),
	F(DEMO_SEC_HOM, "Linge", "", v_laundry2, NULL, NULL, b_laundry, 1000, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Entretien", "Nettoyant", v_cleaner, q_eco, s_cleaner, b_clean, 299, DEMO_TK_GOODS, DEMO_CASES),
	F(DEMO_SEC_HOM, "Entretien", "", v_basic, NULL, NULL, b_clean, 200, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Éclairage", "Ampoule LED", v_bulb, q_lumen, s_bulb, b_light, 599, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Piles", "Piles", v_battery, NULL, s_battery, b_battery, 599, DEMO_TK_GOODS, DEMO_CASES),
	F(DEMO_SEC_HOM, "Piles", "Pile bouton", v_button, NULL, s_button, b_battery, 399, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Entretien", "Sacs poubelle", v_binbag, q_binbag, s_binbag, b_clean, 299, DEMO_TK_GOODS, DEMO_CASES),
	F(DEMO_SEC_HOM, "Papier", "", v_tissue, NULL, s_tissue, b_paper, 349, DEMO_TK_GOODS, DEMO_CASES),
	F(DEMO_SEC_HOM, "Cuisine", "", v_kitchen, NULL, NULL, b_clean, 200, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Maison", "Bougie parfumée", v_scent, NULL, s_candle, b_hygiene, 899, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Maison", "Désodorisant", v_scent, NULL, s_freshener, b_clean, 399, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Hygiène", "", v_hygiene, q_hygiene, s_hygiene, b_hygiene, 249, DEMO_TK_GOODS, 0),
	F(DEMO_SEC_HOM, "Hygiène", "", v_care, NULL, NULL, b_hygiene, 300, DEMO_TK_GOODS, 0),

	F(DEMO_SEC_PRE, "Presse", "", v_press, NULL, NULL, b_press, 100, DEMO_TK_PRESS, DEMO_HOUSE),
};
const int demo_nfamilies = (int)(sizeof demo_families / sizeof demo_families[0]);

/* Sold by weight: prefixes 25 fruit and vegetables, 26 cheese, 27 cold
 * meats, 28 olives and nuts, 29 sweets. */
const struct demo_weighed demo_weighed_items[] = {
	{ "Pommes Golden", "Vergers de Normandie", "Fruits et légumes", 25, 101, 259, DEMO_TK_FRESH },
	{ "Pommes Pink Lady", "Vergers de Normandie", "Fruits et légumes", 25, 102, 399, DEMO_TK_FRESH },
	{ "Poires Conférence", "Vergers de Normandie", "Fruits et légumes", 25, 103, 349, DEMO_TK_FRESH },
	{ "Tomates grappe", "Potager d'Antan", "Fruits et légumes", 25, 110, 399, DEMO_TK_FRESH },
	{ "Tomates cerises", "Potager d'Antan", "Fruits et légumes", 25, 111, 799, DEMO_TK_FRESH },
	{ "Bananes", "Potager d'Antan", "Fruits et légumes", 25, 120, 199, DEMO_TK_FRESH },
	{ "Carottes des sables", "Potager d'Antan", "Fruits et légumes", 25, 130, 169, DEMO_TK_FRESH },
	{ "Pommes de terre Charlotte", "Potager d'Antan", "Fruits et légumes", 25, 131, 229, DEMO_TK_FRESH },
	{ "Clémentines de Corse", "Potager d'Antan", "Fruits et légumes", 25, 140, 449, DEMO_TK_FRESH },
	{ "Comté AOP 18 mois à la coupe", "Fromagerie Vidal", "Fromages", 26, 201, 2690, DEMO_TK_PROCESSED },
	{ "Beaufort AOP à la coupe", "Fromagerie Vidal", "Fromages", 26, 202, 3290, DEMO_TK_PROCESSED },
	{ "Tomme de Savoie à la coupe", "Fromagerie Vidal", "Fromages", 26, 203, 1990, DEMO_TK_PROCESSED },
	{ "Roquefort à la coupe", "Fromagerie Vidal", "Fromages", 26, 204, 2790, DEMO_TK_PROCESSED },
	{ "Jambon blanc à la coupe", "Maison Duval", "Charcuterie", 27, 301, 2290, DEMO_TK_PROCESSED },
	{ "Jambon de Bayonne IGP à la coupe", "Maison Duval", "Charcuterie", 27, 302, 3490, DEMO_TK_PROCESSED },
	{ "Saucisson sec pur porc", "Maison Duval", "Charcuterie", 27, 303, 2490, DEMO_TK_PROCESSED },
	{ "Olives vertes Picholine en vrac", "Oliveraie de Maussane", "Épicerie fine", 28, 401, 1690, DEMO_TK_PROCESSED },
	{ "Olives noires de Nyons en vrac", "Oliveraie de Maussane", "Épicerie fine", 28, 402, 2490, DEMO_TK_PROCESSED },
	{ "Amandes en vrac", "Épicerie Lucien", "Fruits secs", 28, 410, 1890, DEMO_TK_PROCESSED },
	{ "Bonbons en vrac", "Douceurs d'Antan", "Confiserie", 29, 501, 1990, DEMO_TK_CONFECT },
};
const int demo_nweighed = (int)(sizeof demo_weighed_items / sizeof demo_weighed_items[0]);

const struct demo_customer demo_customers_fr[] = {
	{ "WALKIN", "Client de passage", "walk-in" },
	{ "C0001", "Marie Dupont", "retail" },
	{ "C0002", "Jean-Luc Lefèvre", "retail" },
	{ "C0003", "Hélène Garnier", "retail" },
	{ "C0004", "Cabinet Moreau & Associés", "retail" },
	{ "C0005", "Épicerie fine Rousseau", "reseller" },
	{ "C0006", "La Boutique d'Amélie", "reseller" },
	{ "C0007", "Bio & Nature Lyon (vente en ligne)", "reseller" },
	{ "C0008", "Informatique Services Pro", "reseller" },
	{ "C0009", "Restaurant Le Petit Zinc", "restaurant" },
	{ "C0010", "Brasserie des Halles", "restaurant" },
	{ "C0011", "Crêperie Ty Breizh", "restaurant" },
	{ "C0012", "Hôtel Beau Séjour", "restaurant" },
	{ "C0013", "Grossiste Méditerranée SARL", "wholesale" },
	{ "C0014", "Supérette du Marché", "wholesale" },
	{ "C0015", "Distribution Rhône-Alpes SA", "distributor" },
	{ "C0016", "Nadia Benali", "employee" },
	{ "C0017", "Thomas Girard", "employee" },
	{ "C0018", "Lucie Fontaine", "employee" },
	{ "C0019", "François Lemaître", "retail" },
};
const int demo_ncustomers_fr = (int)(sizeof demo_customers_fr / sizeof demo_customers_fr[0]);

const struct demo_customer demo_customers_in[] = {
	{ "WALKIN", "Walk-in customer", "walk-in" },
	{ "C0001", "Priya Sharma", "retail" },
	{ "C0002", "Rahul Verma", "retail" },
	{ "C0003", "Ananya Iyer", "retail" },
	{ "C0004", "Kaveri Infotech Solutions", "retail" },
	{ "C0005", "Sharma General Stores", "reseller" },
	{ "C0006", "Lakshmi Provision Store", "reseller" },
	{ "C0007", "Gupta Kirana Mart", "reseller" },
	{ "C0008", "Reddy Computers & Peripherals", "reseller" },
	{ "C0009", "Annapurna Restaurant", "restaurant" },
	{ "C0010", "Spice Route Café", "restaurant" },
	{ "C0011", "Udupi Tiffin House", "restaurant" },
	{ "C0012", "Hotel Konkan Residency", "restaurant" },
	{ "C0013", "Agarwal Traders Pvt Ltd", "wholesale" },
	{ "C0014", "Mehta Cash & Carry", "wholesale" },
	{ "C0015", "Deccan Distributors LLP", "distributor" },
	{ "C0016", "Arjun Nair", "employee" },
	{ "C0017", "Fatima Sheikh", "employee" },
	{ "C0018", "Meena Pillai", "employee" },
	{ "C0019", "Vikram Singh", "retail" },
};
const int demo_ncustomers_in = (int)(sizeof demo_customers_in / sizeof demo_customers_in[0]);
