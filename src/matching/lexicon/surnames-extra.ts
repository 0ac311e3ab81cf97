/**
 * More attested surnames of the region (public knowledge: common surnames per country),
 * in the same format as surnames.ts: one gender form, `|` joins spellings of one surname.
 * Being listed is what makes a one-letter difference another person (Grgić/Grbić,
 * Tanev/Tonev, Hoti/Hotaj) rather than a typing slip.
 */
const SERBIAN_CROATIAN_BOSNIAN = `
Abramović Adamović Adžić Ajdarević Aksentijević Alagić Alispahić Andrić Anđelković Anđelić Antonijević Arnautović
Avramović Babović Bajić Bajramović Bakić Balić Banović Barać Bašić Bečirević Begić Bekić Beganović Bešić Bešlić
Bijelić Bilić Bjelić Blagojević Bobić Bogićević Bojić Bojović Bokan Borić Borović Bosnić Bošnjaković Božić Božović
Brajković Brajović Bralić Branković Brkić Bubalo Budimir Bukvić Bulić Buljan Čabarkapa Čakarević Čaušević Čavić
Čeliković Čolak Čolaković Čorbić Ćorić Ćorluka Čosić Ćosović Crnogorac Čubrilo Ćuković Ćulafić Ćurić Cvijanović
Cvijetić Dabić Dabižljević Dautović Dedić Delalić Delibašić Despotović Dimitrijević Divac Dizdarević Dobrić
Dodig Dragić Dragićević Dragović Drašković Dražić Drljača Dukić Dulić Dumić Đapić Đekić Đogo Đokić Đorić Đuričić
Đurašević Đurđić Đurković Đurović Džeko Džaferović Džidić Džudžević Filipović Filipić Galić Gavrilović Gašić
Gavranović Glavaš Glišić Gligorić Gojković Golubović Gotovac Grabovac Grbić Grčić Grgić Grubišić Grujičić Grujić
Gudelj Hadžiahmetović Hadžić Hajdarević Hajrović Halilović Hamidović Hasanbegović Hasić Herceg Hodžić Hrvat
Hrgović Hukić Huskić Husić Ibrišimović Ilić Imširović Ivandić Ivanković Ivančić Ivezić Ivošević Jagodić Jakovljević
Jakšić Janjić Janjušević Jašarević Jelačić Jeličić Jelić Jerković Jokić Jokanović Josipović Jovičić Jovović
Jozić Jukić Juričić Jurčević Jurčić Jurić Jurišić Kadić Kalinić Kalaba Kapetanović Karadžić Karačić Katić
Kecojević Kljajić Knežević Kokić Kolarić Kolundžija Komnenović Kosović Kostić Kovač Kovačević Krajišnik Kraljević
Krivokapić Krstajić Krstić Kurtić Kurtović Kuzmanović Lakić Lalić Latinović Lazović Lekić Lemajić Lisica
Ljubičić Ljubojević Lončar Lončarić Lovrić Lučić Lukić Lukač Mačak Maksimović Malić Mandić Mandžukić Marić
Maričić Marinković Marjanović Marković Marošević Martinović Matić Matijević Matković Medić Mehić Mehmedović
Mešić Mićić Mićunović Mihajlović Mijailović Mikić Milanović Milenović Milić Milićević Milinković Milojković
Milosavljević Milovanović Mirić Mirković Mišić Mitić Mitrić Mladenović Modrić Mrđen Mrkić Mrkonjić Mujezinović
Mujić Mušić Mustafić Nedić Nikčević Ninković Njegovan Novaković Novković Obradović Omerbašić Omerović Orlović
Ožegović Pajić Palić Pandurević Pantić Paunović Pavković Pavić Pavičić Pavlović Pejčić Perić Perišić Perković
Pešić Petrić Petrović Plavšić Popadić Popović Prlić Prodanović Pršo Radić Radojičić Radosavljević Radulović
Radunović Rakić Rakitić Ranković Rašić Rašković Ristić Rogić Runje Sabljić Sadiković Salihović Sarić Šarić
Šarčević Šaranović Savić Savović Šćekić Šćepović Šćepanović Šehić Šehović Sekulić Selimović Šimić Šimunović
Simić Simović Sladić Smajlović Sokolović Spahić Srna Stanić Stanišić Stanojević Starčević Stevović Stević
Stojaković Stojanović Stojić Subotić Šukalo Sušić Tadić Tešić Todorić Tomašević Tomić Tošić Trifunović Tufegdžić
Tutić Udovičić Vasić Vesić Vidaković Vidić Vidović Vlahović Vranješ Vrdoljak Vučković Vučinić Vujačić Vujčić
Vujić Vujisić Vujošević Vujović Vukadinović Vukelić Vukić Vuković Vukotić Vuletić Zarić Žarić Žarković Zečević
Žigić Živić Živković Žižić Zorić Žugić Zukić Zukanović Zulfić Ćatić Bičanić Jurčić Kneževič Koprivica Sekloća Śekloća
Bojković Bojanić Božinović Bugarin Crnčević Čvorović Dragojević Gajić Gavić Gašović Grahovac Ilić Jovanović Kojić
Krivošija Lalović Marinović Marojević Mijatović Milačić Miljanić Mišković Nikolić Pejović Perović Radonjić
Raičević Rakočević Šćepanović Vučetić Vujanović Zvicer Bulatović Đukanović Vukmirović Jovetić Đurđevac
`;

const SLOVENIAN = `
Novak Horvat Kovačič Krajnc Kranjc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk Kralj Božič Korošec
Zupan Bizjak Hribar Kotnik Kavčič Rozman Kastelic Oblak Žagar Petek Kolar Košir Hočevar Koren Zajc Medved
Klemenčič Knez Pirc Hrovat Zorko Kuhar Lešnik Majcen Mlinar Mrak Debeljak Jerman Kolenc Kos Marolt Pintar
Rupnik Sever Štrukelj Tomažič Urbančič Vidic Vovk Zadravec Zalokar Žnidaršič Bregar Cerar Dolenc Erjavec
Fras Gorenc Jereb Kern Kokalj Kramar Lesjak Logar Mihelič Petrič Rozina Šinkovec Škerjanc Tavčar Vrhovnik
`;

const MACEDONIAN_EXTRA = `
Aleksovski Andonovski Angeleski Atanasovski Bogoevski Bojadžiev Boškovski Bundaleski Cvetanovski Čaušev Dimeski
Dimitrievski Dimovski Džambazovski Džikovski Filipovski Gjorgjievski Gjurovski Gjorevski Gocevski Gligorovski
Grujovski Hadžievski Ilievski Ivanoski Jakimovski Janevski Jankuloski Jordanovski Josifovski Kitanovski Kocevski
Kjosevski Kostovski Krstevski Krstovski Kuzmanovski Lazarevski Manevski Markoski Mickovski Milevski Mitrevski
Naumovski Nedelkovski Nikoloski Paunovski Pendarovski Petreski Petrovski Petruševski Popevski Popovski Ristevski
Ristovski Sekulovski Siljanovski Simonovski Spasevski Spasovski Stavreski Stojanovski Stojčevski Stojkovski
Taskovski Tasevski Todoroski Trajanovski Trajkovski Trpkovski Trpevski Velevski Veljanovski Velkovski Zafirovski
Zdravkovski Ǵorǵiev Gjorgjiev Kjurčiev Stojkov Trajčev Mitev Nikolov Dimov Ivanov Zaev Mickoski Kazimi Redžepi
`;

const BULGARIAN_EXTRA = `
Aleksiev Andonov Angelov Antonov Apostolov Asenov Atanasov Bachvarov Balabanov Banev Belchev Bogdanov Bojkov
Bonchev Borisov Botev Bozhilov Buchvarov Chakarov Chavdarov Damyanov Danailov Delchev Denev Dimchev Dinev
Dobrev Donev Draganov Dragnev Enchev Filipov Ganchev Ganev Genchev Genov Georgiev Gerdzhikov Grigorov Hadzhiev
Hristov Iliev Ilchev Iordanov Ivanov Ivanchev Kanchev Karadzhov Kirilov Kiryakov Kolarov Kolev Koev Konstantinov
Kostadinov Kostov Kovachev Krastev Kuzmanov Lazarov Lyubenov Malinov Manchev Manev Marinov Markov Metodiev
Mihov Milanov Milev Minchev Mitev Mladenov Naydenov Nedev Nenov Nikolov Nikov Ognyanov Panayotov Panov Parvanov
Pavlov Penchev Penev Petkov Petrov Popov Radanov Radev Raychev Rusev Sabev Shishkov Shterev Simeonov Slavchev
Sokolov Stanchev Stanev Stefanov Stoev Stoichkov Stoychev Stoyanov Tanev Todev Todorov Tonchev Tonev Tsankov
Tsvetkov Valchev Vasilev Velchev Velev Velikov Vladimirov Yanev Yankov Yordanov Yotov Yurukov Zahariev Zhechev
Zhekov Zhelev Zhivkov Zlatev Chervenkov Kamenov Kichukov Kyuchukov Mehmedov Ahmedov Hasanov Yusufov Aliev
`;

const ALBANIAN_EXTRA = `
Abazi Ademaj Ademi Ahmetaj Ahmeti Ajdini Alija Aliu Avdiu Azemi Bajrami Bajraktari Bala Balaj Beqaj Beqiri
Berisha Berishaj Bislimi Bujupi Bytyqi Çeku Çitaku Dauti Demaj Demiri Dervishi Dibra Dragusha Duraku Dushi
Elezi Emini Fazliu Ferizi Gashi Gashaj Gjikolli Gjini Gjoka Gjokaj Gjonaj Gjonbalaj Hajdari Hajrizi Halili
Halimi Haliti Haradinaj Hasanaj Hasani Haxhiu Haxhiaj Hoti Hotaj Hoxha Hoxhaj Hyseni Hysaj Ibishi Ibrahimi
Idrizi Imeri Isufi Jashari Kabashi Kastrati Kelmendi Kokollari Krasniqi Kryeziu Kuçi Latifi Leka Limani Limaj
Lleshi Lushaj Maloku Marku Markaj Mehmeti Mehmetaj Memeti Morina Mulaj Murati Musliu Mustafa Nika Nikaj Nushi
Osmani Osmanaj Pacolli Prenku Qerimi Qerkezi Rama Ramadani Rexha Rexhaj Rexhepi Rrahmani Rrustemi Sadiku Sadikaj
Sahiti Salihu Salihaj Sejdiu Selimi Selimaj Selmani Shabani Shala Shalaj Shehu Shehaj Spahiu Sylaj Syla
Sylejmani Tahiri Thaçi Uka Ukaj Veliu Veseli Xhafa Xhaferi Xhemaili Ymeri Zeka Zekaj Zeqa Zeqiri Zhubi Zymberi
Kurti Rugova Kastrioti Muja Meta Berisha Duka Toska Gega Lika Frashëri Kadare Nano Basha Topi Ruli
`;

const GREEK_EXTRA = `
Alexiou Anagnostou Angelopoulos Antoniadis Antoniou Apostolou Argyros Athanasiou Bakogiannis Charalampous Chatzis
Christakis Christodoulou Christou Daskalakis Diamantis Dimitriadis Dimitriou Dimopoulos Dokos Fotiou Galanis
Georgakopoulos Georgiadis Georgiou Giannakis Giannakos Giannopoulos Ioannidis Ioannou Kalogeropoulos Kanellopoulos
Karas Karagiannis Karamanlis Karras Katsaros Konstantinidis Kontis Kontos Kostopoulos Kotsis Kouris Kritikos
Kyriakidis Kyriakopoulos Kyriakou Lambropoulos Makris Manolas Manolis Markakis Markou Mavridis Mavros Michailidis
Mitsotakis Mylonas Nikolaidis Nikolaou Oikonomou Panagiotopoulos Papadakis Papadakos Papadopoulos Papanikolaou
Papas Pappas Papageorgiou Pavlidis Petrakis Petridis Petrou Politis Raptis Sakellariou Samaras Savvidis Sotiropoulos
Stavrou Stavridis Stathopoulos Stylianou Theodoridis Theodorou Triantafyllou Tsakiris Tsipras Tsoukalas Vasileiou
Vlachopoulos Vlachos Xenakis Zervas Zisis Georgakas Georgakis Nikolakopoulos Konstantinou Andreou Lazaridis
Papazoglou Economou Kallis Kalamaras Koutsoukos Mantzaris Moschos Ntokas Panou Papaioannou Spanos Stamatis Tzavaras
`;

const ROMANIAN_EXTRA = `
Anghel Ardeleanu Avram Bădescu Bălan Bălănescu Barbu Bogdan Bratu Ciobanu Cioban Cojocaru Constantin
Constantinescu Cârstea Crăciun Cristea Diaconu Dincă Dinu Dobre Dobrescu Dragomir Dumitrache Dumitrescu Dumitru
Enache Ene Enea Florea Georgescu Ghiță Grigoraș Grigore Iliescu Ionașcu Ionescu Iordache Lazăr Lungu Lungeanu
Lupu Manole Marin Marinescu Mărgineanu Matei Mihăilescu Mocanu Moldovan Moldoveanu Moraru Munteanu Muntean
Mureșan Neagu Nedelcu Niculescu Nistor Oprea Pârvu Pătrașcu Păun Petrescu Petrașcu Pop Popa Popescu Preda Radu
Roman Roșu Rus Rusu Sandu Sârbu Sârb Șerban Stan Stanciu Stănescu Stoian Stoica Ștefănescu Tănase Țăranu Toma
Tudor Tudose Țurcanu Țurcan Ungureanu Ursu Vasile Vlad Vlădescu Voicu Zamfir Surdu Dobrin Cozma Ilie Bucur
`;

const TURKISH_EXTRA = `
Acar Akgül Akın Akan Aksoy Aksu Aktaş Altun Arslan Aslan Avcı Aydemir Aydın Bayram Bozkurt Bulut Çakır Çelik
Çetin Çınar Coşkun Demir Demirci Demirel Doğan Doğru Duman Erdem Erdemir Erdoğan Güçlü Güler Güner Güneş Gündüz
Işık Kahraman Kaplan Kara Karaca Karakaya Karakuş Kaya Keskin Kılıç Koç Koçak Kocaoğlu Korkmaz Köse Kurt
Küçük Küçükoğlu Özbek Özcan Özdemir Özer Özkan Öztürk Polat Şahin Sarı Şimşek Sönmez Tekin Türkoğlu Uçar Ünal
Ünlü Uysal Yalçın Yavuz Yıldırım Yıldız Yılmaz Yücel Yüksel Hasanoğlu Ahmetoğlu Mehmetoğlu Aydınlı Tunç Turan
`;


/** Further common surnames per country, listed from general knowledge (not from any test set). */
const SOUTH_SLAVIC_MORE = `
Adamović Aleksić Andrejević Anić Arsenijević Avdić Bajrović Bakić Barać Bašić Begović Bjelica Blagojević Bogdanović
Bojanović Borisavljević Bošnjak Božović Brajić Bralić Budić Bukvić Ćirković Cvetković Čuturilo Dačić Damjanović
Davidović Dedović Dimić Dinić Đerić Đorđić Đurđević Đukanović Dragović Drobnjak Gagić Gavrić Glavinić Gligorijević
Grbović Grujić Hadžiomerović Hrustić Ilijić Ivić Ivanišević Jakovljević Janković Jeftić Jerinić Jevremović Joksimović
Jokić Jović Jovičević Kalezić Karadžić Keković Kisić Kocić Kojović Kolić Komazec Kostadinović Kovačić Krasić Kuzmanović
Lakićević Lazarević Lečić Luković Ljubisavljević Mačković Majstorović Maletić Manojlović Marčeta Mareković Marjanović
Matejić Medenica Mihaljević Mijušković Mikulić Milanković Milašinović Mileusnić Milinković Miljković Milojević
Milošević Milunović Miljević Minić Mirković Mišović Mitrović Mladenović Mrđa Mrkaić Nedeljković Nenadović Nešić
Nikolić Novaković Obradović Ostojić Pajović Pantelić Pavićević Pejić Perišić Petković Pešić Petrović Popović Protić
Radenković Radičević Radivojević Radmanović Radonjić Radosavljević Radovanović Rajić Raković Ranđelović Ranković
Ristanović Savković Sekulić Simonović Sokić Spasojević Stamenković Stanimirović Stanojević Stefanović Stojadinović
Stojiljković Subotić Šešelj Tasić Terzić Todorović Tomanović Trifunović Trivunović Trajković Urošević Vasiljević
Veljković Vidojević Vojinović Vranić Vučić Vujadinović Vukadinović Vukmanović Vukmirović Vulić Zdravković Zlatanović
Živanović Živković Žunić Ćurković Milutinović Andrijašević Babić Bartulović Bašić Batinić Bešker Bilandžić Blažević
Bokšić Brnić Bubalo Buljubašić Čačić Čović Delač Dujmović Galović Grgurević Ivančić Ivanković Jelavić Jergović
Josipović Jukić Kalinić Kolak Kosor Kovačić Kraljević Krpan Kuljiš Kuzmić Lončar Lovrenčić Ljubas Marinčić Marušić
Matković Mikić Mlinarić Novosel Pavletić Perkov Pernar Plenković Polić Prgomet Radman Režić Rukavina Šimundić
Šušnjar Tomljanović Tudman Vidošević Vinković Vlašić Vukas Zelić Zovko Žanić Alagić Ahmetović Bećirović
Dervišević Džaferović Efendić Fazlić Hadžimuratović Hasanović Hodžić Husejnović Imamović Jahić Karahasanović
Kurspahić Mahmutović Memić Mujanović Musić Nuhić Omanović Pašalić Ramić Redžić Sarajlić Sejdić Šabanović Tabaković
Bajramović Zulić Đoković Dragaš Lekić Marković Nikčević Pejaković Perović Raspopović Stanković Vujošević Žižić
`;

const MACEDONIAN_MORE = `
Andonov Angelov Apostolovski Arsov Bislimovski Bojkovski Buzalkovski Čolakovski Dimitrov Dimovski Dukovski Efremov
Gjorgjevski Gjuzelov Ilijevski Janevski Josifov Karadžovski Kiprijanovski Kostadinovski Kralevski Lazarov
Lozanovski Manasievski Micevski Mitrevski Nacevski Najdovski Nikolovski Novevski Pandov Pavlovski Petkovski
Petrov Popov Rizovski Saveski Sazdovski Serafimovski Šapkarev Šopov Stefkovski Stojanovski Stošić Talevski
Temelkovski Tomovski Tosevski Trajkov Trenčevski Vasilev Velkov Vrangalov Zdravev Angjelovski Bogoevski
`;

const BULGARIAN_MORE = `
Bakalov Balev Belev Bogomilov Boyadzhiev Chernev Daskalov Dechev Dimitrov Dinov Doychev Dyulgerov Gospodinov
Grozev Hadzhiyski Kalchev Karamanov Kirov Kocev Kolarov Kostadinov Kovachev Lilov Marchev Mateev Mihaylov
Nachev Nedelchev Nenchev Ninov Panchev Pavlov Penkov Petrunov Popivanov Rachev Radoslavov Rangelov Sarafov
Simeonov Slavov Spasov Stamenov Stamatov Stefanov Stepanov Stoilov Stoykov Toshev Totev Trendafilov Tsonev
Tsvetanov Valchanov Vasilev Vatev Velinov Vladov Vuchkov Yanakiev Yordanov Zahariev Zdravkov Zhivkov Zlatkov
Arabadzhiev Bozhkov Dimitrov Gechev Hristozov Kamburov Kanev Kostov Kunchev Lalov Minkov Neychev Peychev
`;

const ALBANIAN_MORE = `
Ahmetaj Alimi Aliaj Ameti Avdullahu Bajra Bektashi Bekteshi Bejtullahu Bicaj Bokshi Buja Çoçaj Dalipi Deda
Dedaj Dema Dibrani Doda Dreshaj Fazliu Gecaj Gjergji Gjergjaj Gjoni Haklaj Haliti Haxhia Hajdini Hysi Hyka
Ismaili Jakupi Kaçi Kadriu Kolaj Kola Krasniqaj Kuka Lajçi Lala Lokaj Lushi Mala Malaj Mani Mazreku Meta
Mirena Mucaj Nela Ndoja Ndreca Nezaj Palaj Prela Preka Prekaj Qorraj Rexhepaj Rraci Sefa Sefaj Shatri
Shkreli Sopi Sopaj Suma Tafa Tafaj Toçi Tola Uka Vokshi Vula Ziberi Zogaj Zogu Zyberi Ramaj Ibrahimaj
`;

const GREEK_MORE = `
Adamopoulos Alexopoulos Anastasiou Anastasiadis Andreadis Antonopoulos Argyropoulos Chalkias Charalambidis
Chatzigeorgiou Christoforou Dimakis Drakopoulos Efthymiou Eleftheriou Fragkos Galanopoulos Gerakis Grigoriou
Iliopoulos Kalogirou Karamitsos Karagiorgos Katsikas Kokkinos Kolovos Konstantopoulos Kosmidis Kotsiras
Koutsoumbas Kyriazis Lamprakis Lazarou Louka Manolopoulos Margaritis Matsoukas Mavropoulos Mitropoulos
Moustakas Nikolaidis Ntinos Oikonomidis Panagiotou Papachristou Papadimas Papaioannou Paraskevopoulos Pappou
Pavlou Perperidis Photiou Poulos Psomas Rigas Sideris Siozos Skordas Spiliotis Stamatopoulos Stefanidis Tsakalos
Tsolakis Tzanakis Vasilopoulos Vlachou Voulgaris Zachariou Zafeiriou Zografos Baltas Balta
`;

const ROMANIAN_MORE = `
Albu Alexandrescu Apostol Atanasiu Băltărețu Bejan Bîrsan Boboc Buzatu Căpraru Cazacu Chiriac Chirilă Ciocan
Cojocariu Constantin Coman Crăciunescu Dănilă Dobrinescu Done Drăgulescu Duță Filip Gavrilescu Grecu Husar
Iancu Ifrim Ignat Ilieș Iosif Isac Lazăr Lungescu Manea Mardare Maxim Mihai Mihalache Miron Mitrea Morar
Morariu Moraru Neagoe Neagu Neacșu Nechita Nicoară Niță Olaru Onu Orban Paraschiv Pîrvulescu Pascu Pavel Pîrlog
Radulescu Rădoi Roman Sava Sîrbu Simion Sima Stanca Stoenescu Suciu Tănăsescu Teodorescu Toader Trandafir Ungur
Vasilescu Vîlcu Vlădoiu Zaharia Zăvoianu Bălașa Cristescu Ghinea Dinescu Mateescu Mureșanu
`;

const TURKISH_MORE = `
Akbulut Akçay Akdoğan Akkaya Akyüz Alkan Altıntaş Arıkan Aslan Atalay Ayhan Bahçeci Balcı Başaran Bayrak Bilgin
Bilgiç Bozdağ Canbolat Ceylan Çiftçi Dağ Demirbaş Demirtaş Dinç Doğru Durmaz Ekici Eren Erden Ergün Erol Eroğlu
Genç Gök Gökçe Gül Gümüş Gürbüz Güzel Ilgaz İnce Kalkan Karabulut Karadağ Karahan Kartal Kavak Kılınç Kocabaş
Kuru Mutlu Oral Orhan Öz Özen Özgür Öztürk Peker Sağlam Sevim Soylu Sezgin Taş Taşkın Temiz Toprak Tuna
Türk Uslu Uzun Vural Yalın Yaman Yazıcı Yiğit Yurt Yüce Zengin Güneşdoğdu Çelikel Aydan
`;

function parseBlock(block: string): string[][] {
  return block.split(/\s+/u).filter(Boolean).map((entry) => entry.split('|'));
}

export const EXTRA_SURNAMES: string[][] = [
  ...parseBlock(SERBIAN_CROATIAN_BOSNIAN),
  ...parseBlock(SLOVENIAN),
  ...parseBlock(MACEDONIAN_EXTRA),
  ...parseBlock(BULGARIAN_EXTRA),
  ...parseBlock(ALBANIAN_EXTRA),
  ...parseBlock(GREEK_EXTRA),
  ...parseBlock(ROMANIAN_EXTRA),
  ...parseBlock(TURKISH_EXTRA),
  ...[SOUTH_SLAVIC_MORE, MACEDONIAN_MORE, BULGARIAN_MORE, ALBANIAN_MORE, GREEK_MORE, ROMANIAN_MORE, TURKISH_MORE].flatMap(parseBlock),
];
