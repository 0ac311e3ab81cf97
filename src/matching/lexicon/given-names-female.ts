/** Female given names of the region: one cognate group per line (the format of given-names.ts). */
export const FEMALE = `
Ana Anna Anne
Anđela Angjela Andjela Anǵela Angela Angeliki Anxhela Aggeliki
Ivana Jovana Ioana Ioanna Yoana Joana Johana
Jelena Elena Helena Eleni Helen
Marija Maria Mariya Mary Marie Mariana
Katarina Ekaterina Katerina Aikaterini Caterina Ekaterini Katrina
Hristina Kristina Christina Cristina Kristine
Nikolina
Nikoleta Nicoleta Nikoletta
Aleksandra Alexandra Alexandra Aleksandrina
Stefanija Stefania Stephanie Stefani
Vasiliki Vasilka Vasilija
Georgia Georgiana Đurđa Gjorgjina
Dimitra Dimitrina
Theodora Teodora
Irini Irena Irene Irina Irini
Sofija Sofia Sophia
Paraskevi Paraskeva
Konstantina Constantina
Evangelia Vangelija Lia
Panagiota Panayota
Fotini Fotinija
Stavroula
Kyriaki
Despina Despoina
Zoi Zoe
Athina
Chrysoula
Tsvetelina Cvetelina Zwetelina
Tsvetanka Cvetanka
Gergana
Desislava
Radostina
Rositsa Rosica
Yordanka Jordanka
Stoyanka Stojanka
Silvija Silvia Silviya
Boryana Borjana
Galina
Nadezhda Nadežda
Snežana Snezhana Snejana
Elitsa Elica
Milena
Milana
Milica
Mirjana
Ljiljana Liljana Lilyana
Maja Maya Maia
Marina
Nataša Natasha
Natalija Natalia Nataliya
Nevena
Olivera
Olga
Radmila
Ruža
Sanja
Slađana
Sonja Sonia
Svetlana
Tamara
Tanja
Tatjana Tatiana
Vesna
Violeta
Zorica
Zora
Dragica
Dragana
Bojana
Biljana
Branka
Danijela Daniela
Dušica
Gordana
Jasmina
Jasna
Stanislava
Jovanka
Blerta
Blerina
Arta
Arbana
Albana
Besa
Besiana
Dhurata Durata
Drita
Donika
Edona
Elira
Fatime Fatima Fatma
Flutura
Gentiana
Hana
Jeta
Kaltrina
Leonora
Lindita
Luljeta
Majlinda
Merita
Mimoza
Nora
Qendresa
Rina
Shqipe
Teuta
Valbona
Vjosa
Vlora
Zana
Zejnepe Zejneb Zeynep Zejnepa
Arjeta
Ardita
Besarta
Diellza
Egzona
Fjolla
Florentina
Hyrije
Lirije
Mirela
Njomza
Pranvera
Shpresa
Sara
Amra
Aida
Alma
Amela
Amina
Emina Emine
Azra
Belma
Dženana
Edina
Elma
Lejla Leyla
Merima
Naida
Nermina
Selma
Sabina
Ayşe Ajša Ajše Aisha Aiše Ajshe
Elif
Hatice Hatidža Hatixhe
Hülya
Özlem
Esra
Merve
Derya
Andreea
Mihaela Michaela
Gabriela
Simona
Raluca
Roxana
Alina
Monica Monika
Oana
Camelia
Diana
Adriana
Ramona
Larisa
Corina
Doina
Nina
Nika
Petra
Katja
Špela
Urška
Tina
Mojca
Anja
Eva
Lucija Lucia
Iva
Marta
Martina
Ivona
Matea
Valentina
Jasmina
Emira
Amira
Senada
Seada
Almira
Sanela
Elvira
Mirsada
Genta
Edona
Liridona
Egzona
`;
