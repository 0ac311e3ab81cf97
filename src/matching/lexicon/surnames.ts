/**
 * Attested surnames of the region, by language. The matcher uses them to refuse a
 * "typo" reading when both spellings are real surnames (Petrović/Petković,
 * Dumitrescu/Dumitrașcu). Only one gender form is needed: -ska, -ova, -eva, -ou, -i
 * forms are derived. A line with several spellings is one surname written several ways.
 */
const SOUTH_SLAVIC = `
Petrović Petković Marković Marinković Jovanović Nikolić Đorđević Stanković Stanojević
Kovačević Kovačić Ilić Lazić Lukić Đukić Dukić Simić Šimić Đurić Jurić Ćirić Milošević
Mitrović Stojanović Popović Pavlović Radović Ristić Savić Stević Tomić Todorović Vasić
Vuković Bukvić Živković Babić Bašić Begović Delić Hadžić Hodžić Hasanović Husić
Ibrahimović Mehmedović Memić Mujić Omerović Osmanović Salihović Selimović Softić Šehić
Alić Avdić Bajrić Bešić Čolić Dedić Džafić Džunić Ferhatović Halilović Hamzić Imamović
Karić Kurtović Mahmutović Mešić Muratović Mustafić Nuhanović Pašić Ramić Sejdić Smajić
Subašić Suljić Tahirović Zukić Bećirović Jusufović Vujić Vujović Vukčević Vukotić
Đukanović Radulović Bulatović Lalić Kalezić Perović Raičević Šćepanović Marčetić Lukač
Kovač Marić Knežević Matić Perić Radić Grgić Šarić Lovrić Blažević Božić Pavić Jukić
Mandić Bošnjak Barišić Brkić Filipović Rukavina Galić Jelić Klarić Vidović Vukić Zovko
Šimunović Pejić Bilić Dujmović Jakovljević Crnković Tadić Kralj Perković Ćosić Pranjić
Mikulić Rogić Mlinarić Horvat Aleksić Antić Arsić Bogdanović Bošković Branković
Cvetković Đokić Gajić Ivanović Janković Jeremić Jevtić Kostić Lazarević Maksimović
Marjanović Matović Milenković Milić Milovanović Milutinović Mladenović Nedeljković
Obradović Pantić Pejović Petković Radosavljević Ranković Rakić Sretenović Stamenković
Stefanović Stojković Tasić Trajković Vasiljević Veljković Vidić Vučić Zdravković
Živanović Mijatović Milojević Jakšić Đurović Golubović Kojić Mihajlović Milosavljević
Nenadović Ostojić Pešić Radovanović Spasić Stanić Stevanović Zorić Lazović
Stanisavljević Minić Marinović Jovović Jovičić Nikolović Petrić Petrušić Markić Markušić
Ivić Ivković Ivanišević Janković Jankovič Luković Lukačević Simović Simonović Simeunović
Đurđević Đurišić Đuričić Jurišić Jurković Kovačić Kovačević Kovačević Stanić Stanišić
Stojić Stojaković Stojanović Stojković Tomašević Tomović Tomičić Mitić Milić Miletić
Jovanić Jovetić Nikić Nikčević Nikodinović Savović Savičević Radojević Radonjić Radić
Popić Popadić Pavić Pavičević Vučković Vučinić Vučetić Vujanović Vujošević Vujičić
Zupančič Kovačič Novak Kranjc Potočnik Mlakar Kos Vidmar Golob Turk Krajnc Zupan Kavčič
Hribar Kastelic Oblak Košir Rozman Jerman Medved Babič Petek Kolar Žagar Vovk Pirc Bizjak
Hočevar Mrak Debeljak Zorko Marolt Kolenc Lazar Gašpar Ćetković Krstić Lekić Mićić Mičić
`;

const MACEDONIAN = `
Trajkovski Trajčevski Jovanovski Petrovski Nikolovski Stojanovski Ristovski Petreski
Ničevski Mickoski Kovačevski Angelovski Dimitrovski Georgievski Gjorgjievski Naumovski
Stefanovski Todorovski Velkovski Zdravkovski Spasovski Gruevski Zaev Crvenkovski Gligorov
Trajanov Janevski Kostovski Krstevski Mitrevski Popovski Ristevski Siljanovski Stojčevski
Trpevski Velevski Veljanovski Kocevski Arsovski Blaževski Bogdanovski Cvetkovski
Damjanovski Dimovski Ilievski Jakimovski Lazarevski Markovski Mitkovski Nedelkovski
Pavlovski Pejovski Spirovski Stankovski Taskovski Tasevski Vasilevski Zafirovski
Ivanovski Petkovski Nikoloski Markoski Stojkovski Trajkoski Jovanoski
`;

const BULGARIAN = `
Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Iliev Vasilev Atanasov
Petkov Angelov Yordanov Kolev Marinov Stefanov Popov Mihaylov Krastev Kostov Zhekov Dimov
Pavlov Aleksandrov Mladenov Tsvetkov Nedelchev Slavov Borisov Lazarov Yankov Genchev
Kirov Paunov Raykov Bonev Penev Stanchev Donchev Manolov Rusev Koev Tanev Valchev Zlatev
Hadzhiev Ganev Karaivanov Velikov Dobrev Radev Parvanov Plevneliev Peevski Markov
Jovanov Stojanov Stankov Petrunov Nikolaev Georgiev Ivanchev Dimitrov Trajkov Traykov
`;

const ALBANIAN = `
Krasniqi Berisha Gashi Hoxha Shala Morina Bytyqi Kryeziu Rexhepi Rexhaj Bajrami Bajraktari
Thaçi Haradinaj Kurti Rugova Hysa Hyseni Ahmeti Aliu Avdiu Bekteshi Beqiri Bislimi Zeqiri
Zeka Sadiku Salihu Ramadani Osmani Hasani Ibrahimi Islami Jashari Kelmendi Lleshi Marku
Gjoka Gjonaj Pllana Musliu Mustafa Nuhiu Qerimi Rama Selimi Shehu Sopi Syla Tahiri Uka
Veseli Ymeri Ajeti Dervishi Duka Halimi Kastrati Kadriu Latifi Limani Maliqi Mehmeti
Memeti Murati Nimani Pacolli Prenku Rexha Rushiti Sejdiu Shabani Sylejmani Xhaferi
Zymberi Ademi Bajra Demaj Dushi Elezi Frroku Gjini Hajdari Hoti Imeri Isufi Kabashi
Leka Mala Meta Nikolla Pepa Prifti Qosja Rrahmani Shkodra Topalli Vata Veliu Xhafa
Krasniq Bajraj Berishaj Gashaj Hoxhaj Krasniqaj Markaj Gjonbalaj Lushaj Dedaj Nikaj
`;

const GREEK = `
Papadopoulos Papadakis Papadimitriou Papageorgiou Papanikolaou Georgiou Nikolaou
Oikonomou|Economou|Ikonomou|Ekonomou Vlachos Vlachopoulos Karagiannis Dimitriou Ioannou
Konstantinou Christodoulou Antoniou Pappas Makris Alexiou Athanasiou Vasileiou Theodorou
Michailidis Ioannidis Georgiadis Kostopoulos Nikolopoulos Dimopoulos Panagiotopoulos
Angelopoulos Giannopoulos Athanasopoulos Karamanlis Tsipras Mitsotakis Samaras
Venizelos Papandreou Lambrakis Stathopoulos Triantafyllou Spyropoulos Sotiropoulos
Antonopoulos Christopoulos Kyriakopoulos Mavros Lamprou Zervas Anagnostou Apostolou
Chatzis Chatzidakis Kontos Mylonas Raptis Sakellariou Stavrou Tsakiris Xenakis Kouris
Daskalakis Kritikos Petridis Pavlidis Savvidis Stylianou Theodoridis Triantafyllidis
Georgakopoulos Markou Manolas Dimas Politis Karras Gounaris Bakoyannis Kanellopoulos
Diamantopoulos Papas Nikolaidis Dimitriadis Konstantinidis Vlachakis Georgakis
Papadaki Nikolakis Petrakis Markakis Giannakis Karagiorgis Kyriakou Fotiou Charalampous
`;

const ROMANIAN = `
Popescu Popa Ionescu Dumitrescu Dumitrașcu Stan Stanciu Munteanu Constantinescu
Georgescu Radu Rusu Dinu Mureșan Țurcanu Țurcan Ciobanu Lungu Moldovan Ungureanu Matei
Neagu Cristea Diaconu Florea Marin Nistor Oprea Pop Preda Sârbu Tudor Toma Vasile Voicu
Zamfir Barbu Bălan Ene Lazăr Marinescu Mihai Mocanu Nedelcu Nicolae Olteanu Pavel
Petrescu Rădulescu Sandu Stoica Surdu Tănase Ursu Vlad Anghel Avram Badea Bogdan Călin
Dobre Dragomir Enache Gavrilă Grigore Iordache Manole Negru Păun Roman Savu Stoian
Șerban Tudose Iliescu Năstase Ciolacu Ciucă Cioloș Ponta Tăriceanu Băsescu Ceaușescu
Antonescu Popovici Petrovici Ionașcu Ionescu Nicolescu Nicula Dumitru Dumitrache
`;

const TURKISH = `
Yılmaz Yıldız Yıldırım Öztürk Öztekin Kaya Demir Şahin Çelik Aydın Arslan Doğan Kılıç
Aslan Çetin Kara Koç Kurt Özdemir Özkan Şimşek Polat Korkmaz Erdoğan Aksoy Ateş Altun
Güneş Bulut Keskin Tekin Ünal Kaplan Yavuz Acar Aktaş Avcı Bozkurt Coşkun Duman Erdem
Güler Işık Karaca Koçak Sarı Tan Tunç Turan Uçar Uysal Yalçın Yücel Kahraman Kalkan
Karakaya Karataş Özer Özgür Akın Ekinci Gök Güven Kocabaş Demirci Sezer Türk Altıntaş
Çakır Bayram Cengiz Ayhan Gündoğdu Karaoğlu Hacıoğlu Osmanoğlu Ahmetoğlu Yusufoğlu
Yıldızoğlu Öztop Özkaya Yılmazer Kayaoğlu Demirel Demirtaş
`;

import { EXTRA_SURNAMES } from './surnames-extra';

function parseBlock(block: string): string[][] {
  return block.split(/\s+/u).filter(Boolean).map((entry) => entry.split('|'));
}

/** Each entry lists the spellings of one surname. */
export const SURNAMES: string[][] = [
  ...parseBlock(SOUTH_SLAVIC),
  ...parseBlock(MACEDONIAN),
  ...parseBlock(BULGARIAN),
  ...parseBlock(ALBANIAN),
  ...parseBlock(GREEK),
  ...parseBlock(ROMANIAN),
  ...parseBlock(TURKISH),
  ...EXTRA_SURNAMES,
];
