/**
 * More given names of the region, same format as given-names.ts: one line per name
 * (variants on the line), a gender pair on separate lines (Dejan / Dejana).
 */
export const EXTRA_MALE = `
Dejan
Zoran
Goran
Bojan
Nenad
Miloš
Milan
Petko
Stoil
Agon
Florian
Ivo
Davor
Dino
Nemanja
Uroš
Vukašin
Njegoš
Dražen
Slaviša
Budimir
Predrag
Siniša
Velimir
Časlav
Radoš
Đorđije
Radovan
Šćepan
Miđo
Đurica
Aleksa
Mirza
Kenan
Tarik
Edin
Mirsad
Sead
Senad
Ante
Krešimir
Tomo
Luka
Matej
Jure
Rok
Kiril
Vlatko
Trajče
Kire
Dzvezdan Zvezdan
Ljupčo
Goce
Blagoja
Gjoko
Kjamil Ćamil Qamil Kamil
Džemail Xhemail Djemail
Stoyan
Krasimir
Chavdar Čavdar
Yulian
Yavor Javor
Yasen Jasen
Ivaylo Ivajlo Ivailo
Svetoslav
Zhivko Živko
Asen
Rumen
Plamen
Todor
Shteryo Šterju Šterjo
Driton
Fatmir
Besnik
Shpëtim
Gëzim
Lulzim
Përparim
Xhemajl
Qazim Ćazim Kazim
Ylber
Arbnor
Mërgim
Besim
Naser
Xhevat Dževat Cevat
Shkumbin
Hajdar
Kushtrim
Edmond
Arianit Arijanit
Valon
Valmir
Arben
Ilir
Flamur
Fitim
Bujar
Sokol
Lirim
Ramë
Nikos
Kostas
Thanasis
Dimitris
Giannis
Panos
Ilias Elias
Nikolaos
Theodoros
Efstathios
Fotis
Stavros
Petros
Giorgos
Alexandros
Răzvan Razvan
Dragoș
Ionuț
Horațiu
Costin
Tudor
Mihail
Vlad
Ion
Marius
Emre
Gökhan
Oğuz
Çağlar
Şükrü
Ertuğrul
Ümit
İlker
Selçuk
Tuğrul
Murat
Ali
Cem
Kemal
Mahmut Mahmud
Ahmet
Yusuf
Mustafa
`;

export const EXTRA_FEMALE = `
Dejana
Zorana
Gorana
Bojana
Florina
Vera
Ivona
Jelica
Lucija
Nives
Amra
Selma
Lejla
Ljubica
Tijana
Snežana
Ljiljana
Jovana
Nataša
Željka
Gordana
Biljana
Mirjana
Slađana
Zorica
Đurđa
Đorđina
Anđelka
Radmila
Teodora
Vesna
Sanja
Sonja
Tanja
Tamara
Marina
Milena
Milica
Svetlana
Angjelina Anđelina Angelina
Gjurgja Đurđija
Gergana
Desislava
Zornitsa Zornica
Radostina
Tsvetanka Cvetanka Zwetanka
Yelena
Yuliya Yulia Julija Julia
Flutura
Vjosa
Valbona
Teuta
Shqipe
Drita
Lirije
Eleni
Sofia
Aikaterini Ekaterini
Chrysoula
Despoina Despina
Katerina
Dimitra
Alexandra
Cătălina Catalina
Mădălina Madalina
Ștefania Stefania
Gheorghița
Mihaela
Alina
Gülşen
Zeynep
Büşra
Çiğdem
Özlem
Ayşe
Sorina
Dana
Nikolina
Ivana
`;
