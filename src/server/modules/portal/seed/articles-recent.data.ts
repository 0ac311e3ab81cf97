import type { ArticleSeed } from './articles.data';

/** Demo articles of the last seven weeks (persons fictional, institutions real public bodies). */
export const RECENT_ARTICLES: ArticleSeed[] = [
  {
    slug: 'regional-border-police-commanders-meet-in-skopje',
    kind: 'news',
    author: 'Portal editorial desk',
    daysAgo: 2,
    topics: ['border-security', 'trafficking-smuggling'],
    economies: ['MK', 'AL', 'RS', 'XK'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Border police commanders agree on joint patrol calendar',
        lead: 'Commanders from four economies met in Skopje to plan joint patrols along green borders for the coming season.',
        paragraphs: [
          'Border police commanders agreed a calendar of joint patrols and a shared format for reporting detected smuggling attempts.',
          'Participants stressed that information must reach the neighbouring desk within hours, not days, if patrols are to intercept groups moving at night.',
          'The next review meeting is planned in Tirana.',
        ],
      },
      {
        language: 'mk',
        title: 'Командантите на граничната полиција договорија календар на заеднички патроли',
        lead: 'Командантите од четири економии се состанаа во Скопје за да планираат заеднички патроли по зелената граница.',
        paragraphs: [
          'Командантите договорија календар на заеднички патроли и заеднички формат за известување за обиди за криумчарење.',
          'Учесниците нагласија дека информациите мора да стигнат до соседниот деск во рок од неколку часа.',
        ],
      },
      {
        language: 'sq',
        title: 'Komandantët e policisë kufitare bien dakord për kalendarin e patrullimeve të përbashkëta',
        lead: 'Komandantët nga katër ekonomi u takuan në Shkup për të planifikuar patrullime të përbashkëta.',
        paragraphs: [
          'Komandantët ranë dakord për një kalendar patrullimesh të përbashkëta dhe një format të përbashkët raportimi.',
          'Takimi i radhës është planifikuar në Tiranë.',
        ],
      },
    ],
  },
  {
    slug: 'bezbednost-granica-nova-strategija',
    kind: 'news',
    author: 'Redakcija portala',
    daysAgo: 4,
    topics: ['border-security'],
    economies: ['RS'],
    original: 'sr-Cyrl',
    texts: [
      {
        language: 'sr-Cyrl',
        title: 'Безбедност граница: представљен нацрт нове стратегије',
        lead: 'Нацрт стратегије интегрисаног управљања границом стављен је на јавну расправу.',
        paragraphs: [
          'Нацрт стратегије предвиђа јачање безбедности граница кроз бољу размену података између граничне полиције, царине и инспекција.',
          'Посебно поглавље посвећено је сарадњи са суседним економијама и заједничким контактним тачкама.',
          'Јавна расправа трајаће тридесет дана, а коментари се могу слати електронском поштом.',
        ],
      },
      {
        language: 'sr-Latn',
        title: 'Bezbednost granica: predstavljen nacrt nove strategije',
        lead: 'Nacrt strategije integrisanog upravljanja granicom stavljen je na javnu raspravu.',
        paragraphs: [
          'Nacrt strategije predviđa jačanje bezbednosti granica kroz bolju razmenu podataka između granične policije, carine i inspekcija.',
          'Posebno poglavlje posvećeno je saradnji sa susednim ekonomijama i zajedničkim kontaktnim tačkama.',
        ],
      },
    ],
  },
  {
    slug: 'interview-inspector-djordjevic-on-cross-border-cases',
    kind: 'interview',
    author: 'Jelena Marković',
    daysAgo: 6,
    topics: ['organised-crime', 'drugs'],
    economies: ['RS', 'ME', 'BA'],
    original: 'sr-Latn',
    texts: [
      {
        language: 'sr-Latn',
        title: 'Intervju: inspektor Đorđević o prekograničnim istragama',
        lead: 'Inspektor Miloš Đorđević, koji vodi odsek za međunarodnu saradnju, govori o tome šta zajedničke istrage čini uspešnim.',
        paragraphs: [
          'Pitanje: Šta je najveća prepreka u prekograničnim istragama? Đorđević: Vreme. Zahtev koji čeka nedelju dana na odgovor često znači da je pošiljka već prošla.',
          'Bezbednost građana zavisi od toga da kolege s druge strane granice znaju koga da pozovu. Kontaktne tačke rade samo ako su dostupne i noću.',
          'Đorđević smatra da zajednički istražni timovi treba da postanu pravilo, a ne izuzetak, kada je reč o krijumčarenju kokaina preko luka.',
        ],
      },
      {
        language: 'en',
        title: 'Interview: Inspector Đorđević on cross-border investigations',
        lead: 'Inspector Miloš Đorđević, head of an international cooperation unit, on what makes joint investigations work.',
        paragraphs: [
          'Question: What is the biggest obstacle in cross-border investigations? Đorđević: Time. A request that waits a week for an answer often means the shipment has already passed.',
          'People are safer when colleagues across the border know whom to call. Contact points only work if they answer at night too.',
        ],
      },
    ],
  },
  {
    slug: 'bezbednost-u-digitalnom-dobu-konferencija',
    kind: 'news',
    author: 'Redakcija portala',
    daysAgo: 9,
    topics: ['cyber-security'],
    economies: ['RS', 'BA', 'ME'],
    original: 'sr-Latn',
    texts: [
      {
        language: 'sr-Latn',
        title: 'Sajber bezbednost u fokusu regionalne konferencije',
        lead: 'Stručnjaci iz regiona razgovarali su o odgovoru na incidente i zaštiti javnih servisa.',
        paragraphs: [
          'Učesnici su istakli da je sajber bezbednost zajednička odgovornost državnih organa, privatnog sektora i građana.',
          'Predstavljeni su primeri vežbi u kojima timovi za odgovor na incidente iz više ekonomija zajedno rešavaju simulirani napad na energetski sistem.',
        ],
      },
      {
        language: 'sr-Cyrl',
        title: 'Сајбер безбедност у фокусу регионалне конференције',
        lead: 'Стручњаци из региона разговарали су о одговору на инциденте и заштити јавних сервиса.',
        paragraphs: [
          'Учесници су истакли да је сајбер безбедност заједничка одговорност државних органа, приватног сектора и грађана.',
          'Представљени су примери вежби у којима тимови за одговор на инциденте заједно решавају симулирани напад на енергетски систем.',
        ],
      },
    ],
  },
  {
    slug: 'analysis-firearms-trafficking-routes',
    kind: 'analysis',
    author: 'Dr Ivana Petrović',
    daysAgo: 12,
    topics: ['small-arms', 'organised-crime'],
    economies: ['BA', 'RS', 'ME', 'XK', 'AL', 'MK'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Analysis: how small arms leave legacy stockpiles',
        lead: 'Weapons left over from the conflicts of the 1990s still surface in seizures across Europe. What has changed, and what has not?',
        paragraphs: [
          'Most seized firearms are not new: they are converted, reactivated or taken from poorly secured legacy stocks.',
          'Stockpile destruction and better registries have reduced the pool, but small quantities moved in private cars and parcels are hard to detect.',
          'Investigators point to three gaps: tracing requests that go unanswered, differences in deactivation standards, and limited forensic ballistics exchange.',
          'The analysis recommends a shared tracing request form and a regional overview of firearms focal points.',
        ],
      },
      {
        language: 'sq',
        title: 'Analizë: si dalin armët e vogla nga stoqet e trashëguara',
        lead: 'Armët e mbetura nga konfliktet e viteve 1990 ende shfaqen në sekuestrime në mbarë Evropën.',
        paragraphs: [
          'Shumica e armëve të sekuestruara nuk janë të reja: ato janë të konvertuara, të riaktivizuara ose të marra nga stoqe të siguruara dobët.',
          'Analiza rekomandon një formular të përbashkët për kërkesat e gjurmimit.',
        ],
      },
    ],
  },
  {
    slug: 'statement-day-against-trafficking-in-persons',
    kind: 'statement',
    author: 'Regional secretariat',
    daysAgo: 15,
    topics: ['trafficking-smuggling', 'gender-based-violence'],
    economies: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Statement on the World Day against Trafficking in Persons',
        lead: 'Victims must be identified early and protected, wherever they are found.',
        paragraphs: [
          'On the World Day against Trafficking in Persons we recall that most victims in the region are trafficked within their own economy or to a neighbouring one.',
          'Early identification by labour inspectors, social workers and police, and shelters that are open to victims of all nationalities, save lives.',
        ],
      },
      {
        language: 'sr-Latn',
        title: 'Saopštenje povodom Svetskog dana borbe protiv trgovine ljudima',
        lead: 'Žrtve moraju biti rano identifikovane i zaštićene, gde god da se nalaze.',
        paragraphs: ['Većina žrtava u regionu trguje se unutar sopstvene ekonomije ili ka susednoj.', 'Rana identifikacija spasava živote.'],
      },
      {
        language: 'mk',
        title: 'Изјава по повод Светскиот ден против трговијата со луѓе',
        lead: 'Жртвите мора рано да бидат идентификувани и заштитени.',
        paragraphs: ['Повеќето жртви во регионот се тргуваат во рамките на сопствената економија или кон соседна.'],
      },
    ],
  },
  {
    slug: 'money-laundering-real-estate-risk',
    kind: 'analysis',
    author: 'Arben Hoxha',
    daysAgo: 18,
    topics: ['money-laundering', 'corruption'],
    economies: ['AL', 'ME', 'HR'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Coastal real estate and money laundering: a risk that keeps growing',
        lead: 'Cash purchases of apartments on the coast remain one of the easiest ways to place criminal proceeds.',
        paragraphs: [
          'Notaries and real estate agents are obliged entities in every economy of the region, yet reports from them remain rare.',
          'Financial intelligence units recommend sector-specific guidance and joint training for notaries, banks and supervisors.',
        ],
      },
    ],
  },
  {
    slug: 'pastrimi-i-parave-trajnim-rajonal',
    kind: 'news',
    author: 'Redaksia e portalit',
    daysAgo: 21,
    topics: ['money-laundering'],
    economies: ['AL', 'XK', 'MK'],
    original: 'sq',
    texts: [
      {
        language: 'sq',
        title: 'Trajnim rajonal për hetimet financiare',
        lead: 'Hetues dhe prokurorë nga rajoni u trajnuan për ndjekjen e pasurive të paligjshme.',
        paragraphs: [
          'Trajnimi u përqendrua në pastrimin e parave përmes kriptoaseteve dhe kompanive guaskë.',
          'Pjesëmarrësit shkëmbyen përvoja për konfiskimin e pasurive dhe bashkëpunimin me njësitë e inteligjencës financiare.',
        ],
      },
      {
        language: 'en',
        title: 'Regional training on financial investigations',
        lead: 'Investigators and prosecutors from the region trained on tracing illicit assets.',
        paragraphs: ['The training focused on laundering through crypto-assets and shell companies.', 'Participants exchanged experience on asset confiscation.'],
      },
    ],
  },
  {
    slug: 'drugs-cocaine-seizures-ports',
    kind: 'news',
    author: 'Portal editorial desk',
    daysAgo: 25,
    topics: ['drugs', 'organised-crime'],
    economies: ['ME', 'HR', 'AL', 'GR'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Port authorities compare notes on container screening',
        lead: 'Customs services of Adriatic and Ionian ports met to compare risk profiles for containers arriving from South America.',
        paragraphs: [
          'Participants agreed to exchange risk indicators on shipping routes and to test a common alert format for suspicious containers.',
          'Customs officers noted that criminal groups increasingly use legitimate fruit shipments as cover for cocaine.',
        ],
      },
    ],
  },
  {
    slug: 'droga-prevencija-skole',
    kind: 'news',
    author: 'Redakcija portala',
    daysAgo: 28,
    topics: ['drugs'],
    economies: ['BA'],
    original: 'bs',
    texts: [
      {
        language: 'bs',
        title: 'Program prevencije upotrebe droga u školama proširen na nove općine',
        lead: 'Program koji provode škole, centri za socijalni rad i policija sada obuhvata još dvanaest općina.',
        paragraphs: [
          'Program se zasniva na radionicama za učenike i roditelje te na obuci nastavnika.',
          'Evaluacija prethodne faze pokazala je da su učenici bolje informisani o rizicima.',
        ],
      },
    ],
  },
  {
    slug: 'violent-extremism-prevention-local-councils',
    kind: 'analysis',
    author: 'Dr Elira Kola',
    daysAgo: 31,
    topics: ['violent-extremism', 'radicalisation-reintegration'],
    economies: ['AL', 'XK', 'BA', 'MK'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Local safety councils and the prevention of violent extremism',
        lead: 'Municipal referral mechanisms bring schools, social services, religious communities and police around one table.',
        paragraphs: [
          'Where local safety councils meet regularly, concerns about a young person drifting towards violent extremism reach a social worker earlier than the police.',
          'Councils need a clear mandate, rules on data protection, and training that does not stigmatise communities.',
          'The analysis reviews experiences from municipalities in four economies.',
        ],
      },
      {
        language: 'sq',
        title: 'Këshillat lokalë të sigurisë dhe parandalimi i ekstremizmit të dhunshëm',
        lead: 'Mekanizmat komunalë të referimit bashkojnë shkollat, shërbimet sociale, komunitetet fetare dhe policinë.',
        paragraphs: ['Kur këshillat lokalë takohen rregullisht, shqetësimet arrijnë më herët te punonjësi social.'],
      },
    ],
  },
  {
    slug: 'returnees-reintegration-programme',
    kind: 'news',
    author: 'Portal editorial desk',
    daysAgo: 35,
    topics: ['radicalisation-reintegration', 'violent-extremism'],
    economies: ['XK', 'AL', 'MK', 'BA'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Rehabilitation and reintegration of returnees: practitioners share lessons',
        lead: 'Probation officers, psychologists and prison staff discussed how to support families returning from conflict zones.',
        paragraphs: [
          'Practitioners emphasised individual case management, education for children, and cooperation between prison and probation services.',
          'The exchange will continue through a network of practitioners.',
        ],
      },
    ],
  },
  {
    slug: 'ekstremizam-prevencija-mladi',
    kind: 'interview',
    author: 'Marija Ilić',
    daysAgo: 38,
    topics: ['violent-extremism'],
    economies: ['RS'],
    original: 'sr-Cyrl',
    texts: [
      {
        language: 'sr-Cyrl',
        title: 'Разговор: како млади препознају насилни екстремизам на интернету',
        lead: 'Социјална радница Ана Стојановић говори о радионицама у средњим школама.',
        paragraphs: [
          'Млади најчешће први примете када се неко из друштва мења. Важно је да знају коме могу да се обрате.',
          'Радионице се баве медијском писменошћу, говором мржње и безбедношћу на интернету.',
        ],
      },
    ],
  },
  {
    slug: 'hybrid-threats-disinformation-elections',
    kind: 'analysis',
    author: 'Dr Nikola Jovanovski',
    daysAgo: 42,
    topics: ['hybrid-threats', 'cyber-security'],
    economies: ['MK', 'ME', 'MD', 'RS'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Disinformation around elections: what election bodies can do',
        lead: 'Election administrations are learning to respond quickly to false claims without amplifying them.',
        paragraphs: [
          'Hybrid threats combine information manipulation, cyber attacks and pressure on critical infrastructure.',
          'Election bodies that publish data early and in open formats leave less room for disinformation.',
        ],
      },
      {
        language: 'mk',
        title: 'Дезинформации околу изборите: што можат да направат изборните тела',
        lead: 'Изборните администрации учат брзо да реагираат на лажни тврдења.',
        paragraphs: ['Хибридните закани комбинираат манипулација со информации, сајбер напади и притисок врз критичната инфраструктура.'],
      },
    ],
  },
  {
    slug: 'energy-security-critical-infrastructure-exercise',
    kind: 'news',
    author: 'Portal editorial desk',
    daysAgo: 46,
    topics: ['critical-infrastructure', 'cyber-security'],
    economies: ['BG', 'RO', 'GR', 'MD'],
    original: 'en',
    texts: [
      {
        language: 'en',
        title: 'Exercise tests protection of cross-border gas interconnectors',
        lead: 'Operators and civil protection agencies rehearsed the response to an outage of a cross-border gas interconnector.',
        paragraphs: [
          'The scenario combined a cyber incident at a control centre with severe winter weather.',
          'Participants identified the need for a shared contact list of operators and a common situation report template.',
        ],
      },
    ],
  },
];
