import type { DocumentFormat, DocumentMetadataInput } from '../../../../contract/portal';

/** Demo documents: text written for Mosaic, generated as real files at seed time. */
export interface DocumentSeed {
  format: DocumentFormat;
  fileName: string;
  metadata: DocumentMetadataInput;
  paragraphs: string[];
}

const doc = (format: DocumentFormat, metadata: DocumentMetadataInput, paragraphs: string[]): DocumentSeed => ({
  format,
  fileName: `${metadata.slug}.${format}`,
  metadata,
  paragraphs,
});

export const DOCUMENT_SEEDS: DocumentSeed[] = [
  doc('pdf', { slug: 'regional-strategy-organised-crime-demo', kind: 'strategy', title: 'Regional Strategy against Serious and Organised Crime (demo)', summary: 'A demo strategy setting out shared priorities against serious and organised crime.', publisher: 'Mosaic demo secretariat', publishedOn: '2024-03-15', language: 'en', topics: ['organised-crime', 'drugs', 'money-laundering'], economies: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'] }, [
    'Purpose. This strategy sets out the shared priorities of the participating economies in preventing and combating serious and organised crime for the period 2024 to 2028.',
    'Priority 1: Drug trafficking. Criminal groups from the region are active in the trafficking of cocaine through seaports and of heroin and cannabis along land routes. The participants will exchange risk profiles for containers and strengthen controlled deliveries.',
    'Priority 2: Financial investigations. Every investigation into organised crime shall be accompanied by a parallel financial investigation aimed at the confiscation of criminal assets and the detection of money laundering.',
    'Priority 3: Firearms. The participants will answer firearms tracing requests within thirty days and align their rules on deactivation.',
    'Implementation. A steering group of the heads of criminal police will review progress twice a year and report to ministers.',
  ]),
  doc('pdf', { slug: 'action-plan-border-management-demo', kind: 'action_plan', title: 'Action Plan on Integrated Border Management 2025-2027 (demo)', summary: 'Demo action plan on joint patrols, data exchange and training of border police.', publisher: 'Mosaic demo secretariat', publishedOn: '2025-01-20', language: 'en', topics: ['border-security', 'trafficking-smuggling'], economies: ['AL', 'MK', 'RS', 'XK', 'ME'] }, [
    'Measure 1. Joint patrols along the green border, planned quarterly by the border police commanders.',
    'Measure 2. Exchange of statistics on irregular crossings and detected smuggling attempts every month in a common format.',
    'Measure 3. Joint training on document fraud detection and on the identification of victims of trafficking in human beings.',
    'Measure 4. Common contact centres at the busiest crossing points, staffed by officers of both neighbouring services.',
  ]),
  doc('pdf', { slug: 'study-firearms-trafficking-demo', kind: 'study', title: 'Study on Illicit Firearms Trafficking in South East Europe (demo)', summary: 'Demo study of firearms seizures, routes and legacy stockpiles.', publisher: 'Mosaic demo research unit', publishedOn: '2023-11-05', language: 'en', topics: ['small-arms', 'organised-crime'], economies: ['BA', 'RS', 'ME', 'XK', 'AL', 'MK'] }, [
    'Summary. Most firearms seized in the region originate from legacy stockpiles of the 1990s, from converted alarm and signal weapons, or from reactivated deactivated weapons.',
    'Method. The study reviews seizure reports, court judgments and interviews with investigators in six economies.',
    'Findings. Small quantities of weapons are trafficked in private vehicles and parcels. Tracing requests are often answered late or not at all.',
    'Recommendations. A shared tracing request form, harmonised deactivation standards, and the exchange of ballistic data between forensic laboratories.',
  ]),
  doc('pdf', { slug: 'report-cyber-incidents-demo', kind: 'report', title: 'Annual Overview of Cyber Incidents 2024 (demo)', summary: 'Demo overview of incident categories reported by national CSIRTs.', publisher: 'Mosaic demo CSIRT network', publishedOn: '2025-02-28', language: 'en', topics: ['cyber-security', 'critical-infrastructure'], economies: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'] }, [
    'This overview uses the common incident taxonomy adopted by the national computer security incident response teams.',
    'Phishing and credential theft remained the most frequent incident categories. Ransomware attacks on municipalities and hospitals caused the longest service outages.',
    'Attacks on energy operators were fewer but more sophisticated. Exercises showed that operators need a shared contact list and a common situation report template.',
  ]),
  doc('pdf', { slug: 'study-gender-based-violence-police-demo', kind: 'study', title: 'Police Response to Gender-Based Violence: a Comparative Study (demo)', summary: 'Demo comparative study of police protocols on gender-based violence.', publisher: 'Mosaic demo research unit', publishedOn: '2024-11-25', language: 'en', topics: ['gender-based-violence', 'security-sector-reform'], economies: ['RS', 'ME', 'BA', 'MK', 'AL', 'XK'] }, [
    'Scope. The study compares protocols and practice of police responses to domestic and gender-based violence.',
    'Findings. Risk assessment at the first call, specialised officers on duty and urgent protection orders are the practices with the largest effect on repeat victimisation.',
    'Data. Only two economies publish data on breaches of protection orders.',
  ]),
  doc('pdf', { slug: 'report-salw-roadmap-progress-demo', kind: 'report', title: 'Progress Report on Small Arms Control (demo)', summary: 'Demo progress report on stockpile management and destruction of surplus weapons.', publisher: 'Mosaic demo secretariat', publishedOn: '2024-06-10', language: 'en', topics: ['small-arms'], economies: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'] }, [
    'Stockpile management. All participants have inventories of state-held weapons; physical security upgrades at storage sites continued.',
    'Destruction. Surplus small arms and ammunition were destroyed under international monitoring.',
    'Awareness. Voluntary surrender campaigns collected several thousand weapons (demo figure).',
  ]),
  doc('pdf', { slug: 'strategy-disaster-risk-reduction-demo', kind: 'strategy', title: 'Regional Framework for Disaster Risk Reduction (demo)', summary: 'Demo framework for cross-border cooperation in disaster risk reduction.', publisher: 'Mosaic demo secretariat', publishedOn: '2023-05-18', language: 'en', topics: ['disasters', 'critical-infrastructure'], economies: ['BA', 'RS', 'HR', 'ME', 'AL', 'MK'] }, [
    'Floods, earthquakes, wildfires and heat waves affect the whole region and do not stop at borders.',
    'The framework commits civil protection services to share early warnings automatically, to hold joint exercises every year and to maintain a register of deployable teams.',
  ]),
  doc('docx', { slug: 'strategija-bezbednost-granica-demo', kind: 'strategy', title: 'Стратегија интегрисаног управљања границом (демо)', summary: 'Демо стратегија о безбедности граница и сарадњи служби.', publisher: 'Демо министарство унутрашњих послова', publishedOn: '2024-09-01', language: 'sr-Cyrl', topics: ['border-security'], economies: ['RS'] }, [
    'Циљ стратегије је јачање безбедности граница кроз сарадњу граничне полиције, царине и инспекцијских служби.',
    'Стратегија предвиђа заједничке патроле са суседним економијама, размену података о илегалним прелазима и обуку службеника.',
    'Посебна пажња посвећена је заштити жртава трговине људима и кријумчарења миграната.',
  ]),
  doc('docx', { slug: 'akcioni-plan-trgovina-ljudima-demo', kind: 'action_plan', title: 'Akcioni plan za borbu protiv trgovine ljudima (demo)', summary: 'Demo akcioni plan: prevencija, identifikacija i zaštita žrtava.', publisher: 'Demo nacionalni koordinator', publishedOn: '2024-04-22', language: 'sr-Latn', topics: ['trafficking-smuggling', 'gender-based-violence'], economies: ['RS'] }, [
    'Mera 1. Obuka inspektora rada, socijalnih radnika i policije za ranu identifikaciju žrtava trgovine ljudima.',
    'Mera 2. Skloništa otvorena za žrtve svih nacionalnosti i dostupna pravna pomoć.',
    'Mera 3. Zajedničke kontrole inspekcije rada i policije u građevinarstvu i poljoprivredi. Koordinator: Nikola Đorđević (demo).',
  ]),
  doc('docx', { slug: 'analysis-returnees-reintegration-demo', kind: 'study', title: 'Reintegration of Returnees from Conflict Zones: Practitioners’ Guide (demo)', summary: 'Demo guide for probation officers, social workers and prison staff.', publisher: 'Mosaic demo practitioners network', publishedOn: '2024-02-12', language: 'en', topics: ['radicalisation-reintegration', 'violent-extremism'], economies: ['XK', 'AL', 'MK', 'BA'] }, [
    'Rehabilitation and reintegration require individual case management that starts before release and continues afterwards.',
    'Children returning from conflict zones need schooling, psychological support and protection from stigma.',
    'Cooperation between prison, probation, social and health services must be governed by clear data protection rules.',
  ]),
  doc('docx', { slug: 'strategjia-kunder-korrupsionit-demo', kind: 'strategy', title: 'Strategjia kundër korrupsionit 2024-2030 (demo)', summary: 'Strategji demo kundër korrupsionit: parandalimi, transparenca dhe ndëshkimi.', publisher: 'Demo agjencia kundër korrupsionit', publishedOn: '2024-07-01', language: 'sq', topics: ['corruption'], economies: ['AL'] }, [
    'Strategjia synon të parandalojë korrupsionin në administratën publike përmes transparencës dhe kontrollit të deklaratave të pasurisë.',
    'Prokurimi publik do të monitorohet përmes të dhënave të hapura.',
  ]),
  doc('docx', { slug: 'report-money-laundering-risk-demo', kind: 'report', title: 'Money Laundering Risk in the Real Estate Sector (demo)', summary: 'Demo report on money laundering through real estate purchases.', publisher: 'Mosaic demo FIU network', publishedOn: '2025-03-10', language: 'en', topics: ['money-laundering', 'corruption'], economies: ['AL', 'ME', 'HR'] }, [
    'Cash purchases of apartments in coastal areas are a recurring way of placing criminal proceeds.',
    'Notaries and real estate agents file few suspicious transaction reports. Sector-specific guidance and joint training are recommended.',
  ]),
  doc('odt', { slug: 'strategija-sajber-bezbednost-demo', kind: 'strategy', title: 'Стратегија развоја сајбер безбедности (демо)', summary: 'Демо стратегија о сајбер безбедности и заштити критичне инфраструктуре.', publisher: 'Демо канцеларија за информационе технологије', publishedOn: '2023-10-15', language: 'sr-Cyrl', topics: ['cyber-security', 'critical-infrastructure'], economies: ['RS'] }, [
    'Сајбер безбедност је услов за поверење грађана у електронске услуге.',
    'Стратегија предвиђа национални тим за одговор на инциденте, вежбе са оператерима критичне инфраструктуре и кампање о безбедности деце на интернету.',
  ]),
  doc('odt', { slug: 'plan-hibridni-zakani-demo', kind: 'action_plan', title: 'План за отпорност на хибридни закани (демо)', summary: 'Демо план за отпорност на хибридни закани и дезинформации.', publisher: 'Демо влада', publishedOn: '2024-12-05', language: 'mk', topics: ['hybrid-threats', 'cyber-security'], economies: ['MK'] }, [
    'Планот предвидува меѓуресорска група за следење на хибридните закани и дезинформациите.',
    'Изборните тела ќе објавуваат податоци навреме и во отворени формати.',
  ]),
  doc('odt', { slug: 'report-drug-markets-demo', kind: 'report', title: 'Drug Markets in the Western Balkans: Situation Report (demo)', summary: 'Demo situation report on drug markets and trafficking routes.', publisher: 'Mosaic demo research unit', publishedOn: '2025-06-30', language: 'en', topics: ['drugs', 'organised-crime'], economies: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'] }, [
    'Cocaine trafficking through seaports has grown, while cannabis production has shifted indoors.',
    'Synthetic drugs appear more often in seizures. Prevention programmes in schools have been extended.',
  ]),
];
