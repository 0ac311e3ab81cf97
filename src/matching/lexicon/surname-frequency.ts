/**
 * Most common surnames per country of the region, as training text for the surname
 * plausibility model (`plausibility.ts`): which letter sequences and endings surnames of the
 * region are made of. Not a list of "attested" surnames: being here does not make a
 * one-letter difference another person; the model's judgement does.
 *
 * Source: the kind of public source each block names (national statistics offices'
 * most-common-surnames publications and census name statistics), written from general
 * knowledge of those publications, without counts; the order within a block is roughly by
 * frequency. One gender form per surname, native spelling.
 */
import { foldToAscii } from '../fold';

export interface FrequencyList {
  country: string;
  source: string;
  surnames: string;
}

export const SURNAME_FREQUENCY_LISTS: FrequencyList[] = [
  {
    country: 'RS',
    source: 'Statistical Office of the Republic of Serbia, census surname statistics (most common surnames)',
    surnames: `Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Stanković Pavlović Milošević Popović Todorović
      Đokić Živković Kostić Ristić Savić Mitrović Stojković Obradović Lazić Lukić Kovačević Simić Milovanović Mladenović
      Radovanović Pešić Vasić Tomić Marinković Stefanović Jović Krstić Perić Ivanović Filipović Radosavljević Mihajlović
      Milenković Bogdanović Milić Nedeljković Veljković Vuković Aleksić Janković Antić Arsić Tasić Gajić Mitić Zdravković`,
  },
  {
    country: 'HR',
    source: 'Croatian Bureau of Statistics, census surname statistics (most common surnames)',
    surnames: `Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović Matić Tomić Pavlović
      Kovač Božić Blažević Grgić Pavić Radić Perić Kralj Vidović Šarić Lovrić Jukić Filipović Klarić Mandić Barišić
      Brkić Rukavina Galić Lončar Šimić Perković Tadić Crnković Bilić Ćosić Pranjić Vukelić Bašić Mikulić Rogić`,
  },
  {
    country: 'BA',
    source: 'Agency for Statistics of Bosnia and Herzegovina, census name statistics (most common surnames)',
    surnames: `Hodžić Hadžić Čengić Delić Demirović Begić Mehmedović Hasanović Husić Ibrahimović Omerović Osmanović Alić
      Salihović Selimović Softić Šehić Avdić Bajrić Mujić Halilović Imamović Karić Kurtović Mahmutović Mešić Muratović
      Mustafić Pašić Ramić Smajić Suljić Tahirović Zukić Bećirović Jusufović Hamzić Ferhatović Memić Džafić`,
  },
  {
    country: 'ME',
    source: 'Statistical Office of Montenegro (MONSTAT), census surname statistics (most common surnames)',
    surnames: `Popović Radulović Vujović Đukanović Vukčević Marković Bulatović Lalić Kalezić Perović Raičević Vujošević
      Jovanović Šćepanović Nikolić Vukotić Radović Bošković Ivanović Vučinić Pejović Mijatović Nikčević Radonjić`,
  },
  {
    country: 'SI',
    source: 'Statistical Office of the Republic of Slovenia (SURS), most common surnames',
    surnames: `Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk Kralj Zupan Bizjak Hribar
      Kotnik Kavčič Rozman Kastelic Oblak Petek Žagar Hočevar Kolar Košir Koren Klemenčič Zajc Knez Medved Pirc`,
  },
  {
    country: 'MK',
    source: 'State Statistical Office of North Macedonia, census name statistics (most common surnames)',
    surnames: `Stojanovski Nikolovski Trajkovski Jovanovski Petrovski Dimitrovski Georgievski Angelovski Ristovski Stefanovski
      Ilievski Kostovski Mitrevski Todorovski Pavlovski Naumovski Markovski Petreski Spasovski Arsovski Velkovski
      Atanasovski Andonovski Bogdanovski Blaževski Cvetkovski Damjanovski Gjorgjievski Janevski Kocevski Manevski`,
  },
  {
    country: 'BG',
    source: 'National Statistical Institute of Bulgaria (NSI), most common surnames',
    surnames: `Иванов Георгиев Димитров Петров Николов Христов Стоянов Тодоров Илиев Василев Атанасов Петков Ангелов
      Йорданов Колев Маринов Стефанов Попов Михайлов Константинов Кръстев Костов Добрев Йовчев Симеонов Марков Павлов
      Радев Янев Русев Стойчев Цветанов Златев Кирилов Методиев Александров Борисов Станев Великов Славов`,
  },
  {
    country: 'XK',
    source: 'Kosovo Agency of Statistics, census name statistics (most common surnames)',
    surnames: `Krasniqi Gashi Berisha Morina Shala Bytyqi Hoxha Kastrati Rexhepi Hasani Sylejmani Kryeziu Ahmeti Hyseni
      Mustafa Ismaili Osmani Jashari Salihu Thaçi Haliti Kelmendi Zeqiri Sadiku Rama Beqiri Maliqi Mehmeti Halili Xhaferi`,
  },
  {
    country: 'AL',
    source: 'Institute of Statistics of Albania (INSTAT), census name statistics (most common surnames)',
    surnames: `Hoxha Shehu Çela Dervishi Leka Marku Gjoka Prifti Kola Hysa Kodra Bregu Dema Meta Muça Duka Lika Basha
      Cani Dedja Gjini Hasa Koci Lala Mema Nika Pepa Rrapi Tafa Zeneli`,
  },
  {
    country: 'GR',
    source: 'Hellenic Statistical Authority (ELSTAT) and public registries, most common surnames',
    surnames: `Papadopoulos Papadakis Papageorgiou Oikonomou Georgiou Papadimitriou Pappas Vlachos Angelopoulos Nikolaou
      Dimitriou Konstantinidis Karagiannis Makris Ioannidis Christodoulou Athanasiou Alexiou Giannopoulos Papanikolaou
      Antoniou Petropoulos Dimopoulos Theodorou Vasileiou Michailidis Anastasiou Georgiadis Panagiotopoulos Kyriakou`,
  },
  {
    country: 'RO',
    source: 'Romanian Ministry of Internal Affairs (DEPABD) population register, most common surnames',
    surnames: `Popa Popescu Pop Radu Dumitru Stan Stoica Gheorghe Matei Rusu Mihai Ciobanu Constantin Marin Ionescu Florea
      Ilie Toma Stanciu Munteanu Vasile Oprea Tudor Sandu Moldovan Ion Dobre Barbu Nistor Florea Cristea Dinu Lazăr Ene
      Mocanu Diaconu Preda Stoian Neagu Marinescu Dumitrescu Niculescu Ardelean Avram`,
  },
  {
    country: 'MD',
    source: 'Public Services Agency of the Republic of Moldova, population register (most common surnames)',
    surnames: `Rusu Ciobanu Lungu Munteanu Cojocaru Popa Sârbu Mihalache Melnic Guțu Moraru Țurcanu Cazacu Bălan Croitoru
      Toma Roșca Gheorghița Postolachi Railean Chiriac Ursu Lupu`,
  },
  {
    country: 'TR',
    source: 'Turkish Statistical Institute (TÜİK), most common surnames',
    surnames: `Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç
      Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut
      Keskin Ünal Turan Gül Özer Işık Kaplan Avcı Sarı Tekin Taş Köse Yüksel Ateş Aksoy`,
  },
];

let spellings: Set<string> | undefined;

/** Every surname of the lists as one word each. */
export function frequencyListSurnames(): string[] {
  return SURNAME_FREQUENCY_LISTS.flatMap((list) => list.surnames.split(/\s+/u).filter(Boolean));
}

/** Whether this spelling (ASCII-folded) is one of the frequency lists' surnames. */
export function isFrequencyListSurname(word: string): boolean {
  spellings ??= new Set(frequencyListSurnames().map((surname) => foldToAscii(surname)));
  return spellings.has(foldToAscii(word));
}
