/** Male given names of the region: one cognate group per line (the format of given-names.ts). */
export const MALE = `
Đorđe Djordje Đorđi Gjorgji Gjorgjija Gjorgje Gjorge Georgi Georgije Georgios Giorgos Yiorgos Yeoryios Gheorghe George Gjergj Jorgji Đerđ Giorgi Jorgos
Dimitrije Dimitar Dimitrija Dhimitër Dimitrios Dimitris Demetrios Dumitru Dmitrij Dmitri Dimitri Mitre
Jovan Ivan Ioan Ion Ioannis Giannis Yannis Jani Gjon Yoan Janez Johan Ioannes
Nikola Nikolla Nikollë Nikolaos Nikos Nicolae Nicola Nikolai Nikolay Nikolaj Nicholas Nikolas
Stefan Stevan Stjepan Štefan Shtjefën Stefanos Stephan Stefano Stipe Stefanaq
Aleksandar Aleksander Aleksandr Alexandru Alexandros Aleksandros Aleksandër Alexander
Andrej Andrei Andreas Andrija Andria Andrea Andrii
Anton Antun Ante Antonije Antonio Antonios Andon Antoni
Petar Petur Petre Peter Petros Pjetër Petru Petro Pero Pjeter
Pavle Pavel Pavlos Paul Pal Pavao Pali
Marko Mark Markos Marco Marcu
Mihailo Mihajlo Mihail Mihai Michail Michalis Mihal Mihael Miha Mihajl Mikhail Mihalis
Josip Josif Iosif Joseph Yosif Josef Jozef Zef
Matej Matija Mate Matei Matthaios Mattheos Mateo
Filip Philip Filippos Filipp
Gavrilo Gavril Gavriil Gavrail
Grigorije Grigor Grigorios Grigore Gligor Gregor Grigoris
Hristijan Kristijan Christian Cristian Kristian Hristian Kristiyan
Hristo Christos Risto Hristos Krste Krsto Kristo
Kiril Kirill Kyrillos Cyril
Todor Teodor Theodoros Tudor Thodoris Theodor Teodoro Todorče
Trajan Traian Trajko
Evangelos Vangelis Evanghelos Vangel Vangjel Evangjel Euangelos Vangjush
Panagiotis Panos Panayotis Panajot Panait Panajotis
Atanas Athanasios Thanasis Tanas Atanasije Atanasie Nasos
Sotirios Sotiris Sotir
Stavros Stavro
Spyridon Spyros Spiros Spiro Spiridon Špiro
Charalampos Haralambos Charalambos Babis Harallamb Haralampije
Konstantinos Konstantin Konstandin Kostas Constantin Kostadin Kosta Kostandin Dinos
Apostolos Apostol Tolis
Emmanouil Manolis Emanuel Emanuil
Eleftherios Lefteris
Fotios Fotis Photios Foti Fotije
Stylianos Stelios Stiljan Stilian
Angelos Angel Angjel Aggelos Anghel Anđel Angelo
Kyriakos Kiriakos Qirjako
Dionysios Dionisis Dionisije Dionis
Efstathios Stathis Evstatije
Vasilije Vasil Vasile Vasilis Vasileios Vasilios Vasilij Vasili Vasilj
Ilija Ilia Ilias Ilie Ilja Iliya Elias Ilijas
Lazar Lazaros Lazăr Lazer
Luka Lukas Luca Loukas Lluka
Toma Tomas Thomas Thoma Tomo Tomaž Tomás
Jordan Yordan Iordan Iordanis Jordanis
Mehmet Mehmed Memet Mehmedalija Muhamed Muhammed Mohammed Muhamet Mehmeti
Ahmet Ahmed Ahmad Ahmeti
Hüseyin Husein Hysen Husejn Hussein Hüsein Hysein Huseyin
Hasan Hassan Hasani
Ibrahim Ibro Brahim
Ismail Ismajl Smail
Mustafa Mustafë
Osman
Omer Ömer Ymer
Yusuf Jusuf Jusuf Isuf
Yakup Jakup Jakub Jakov Iakovos Jacob Iacob
Recep Redžep Rexhep Redzep
Ramazan Ramadan
Süleyman Sulejman Suleiman
Kemal Qemal Kemalj
Cemal Džemal Xhemal Xhemajl Djemal
Cevdet Dževdet Xhevdet
Cafer Džafer Xhafer
Bayram Bajram
Mahmut Mahmud
Murat Murad
Halil Halilj
Salih Saliu
Selim Selimi
Bekir Bećir Beqir
Bekim
Ramiz
Fadil
Emir
Emin
Edin
Elvir
Enes
Haris
Jasmin
Nedim
Nermin
Refik
Safet
Sead
Senad
Suad
Alija Ali Aliu
Adnan
Amir
Almir
Mirsad
Zlatan
Fikret
Sanel
Agron
Agim
Ardit
Arben
Arbër
Arjan
Armend
Artan
Astrit
Besnik
Blerim
Burim
Driton
Dritan
Edon
Enver
Fatmir
Fatos
Flamur
Genc
Gent
Gëzim
Granit
Hashim
Ilir
Isa
Jetmir
Kujtim
Labinot
Liridon
Lulzim
Mentor
Naim
Qëndrim Ćendrim
Shkëlzen Škeljzen
Shpëtim
Skënder Skender Iskender İskender
Valon
Visar
Ylli
Besim
Dardan
Lekë Leka
Bardhyl
Bujar
Lavdim
Përparim
Sokol
Urim
Valmir
Veton
Ylber
Kastriot
Leutrim
Ermal
Erion
Elton
Egzon
Albin
Alban
Bojan
Boban
Bogdan
Borislav
Boris
Boško Bosko
Božidar
Branimir
Branislav
Branko
Čedomir
Danilo
Darko
Davor
Dejan
Damir
Dalibor
Dario
Danijel Daniel Daniil
Dragan
Dragoljub
Dragomir
Dragiša
Dragutin
Dušan
Duško
Đuro Gjuro Đuka
Đurađ Đurađ
Đoko Gjoko Ǵoko
Goran
Gordan
Gojko
Hrvoje
Igor
Ivica
Ivo
Jovica
Krasimir
Ljubomir Lubomir Lyubomir Lubomír
Ljubiša
Ljupčo Ljupco
Milan
Milorad
Miloš
Milutin
Miodrag
Miroslav
Mirko
Mladen
Momčilo Momchil
Nebojša
Nemanja
Nenad
Novak
Ognjen Ognyan Ognjan
Predrag
Radovan
Radoslav
Rade
Ranko
Ratko
Rajko
Saša
Slavko
Slobodan
Srđan
Srećko
Stanko
Stanislav
Stojan Stoyan
Strahinja
Svetozar
Tomislav
Uroš
Veljko
Vladimir
Vladan
Vlado
Vojislav
Vuk
Zdravko
Zlatko
Zoran
Željko
Žarko
Živko
Plamen
Rumen
Tsvetan Cvetan
Valentin
Veselin
Boyko Bojko
Emil
Rosen
Svetoslav
Dobromir
Kaloyan Kalojan
Martin
Tihomir
Lachezar Lačezar
Blagoja Blagoje Blagoy
Shtilyan Štiljan
Goce
Kiro
Aco
Boro
Vlatko
Metodija Metodi Methodios
Dragi
Vasko
Adrian
Florin
Marian
Mircea
Ovidiu
Radu
Sorin
Viorel
Costel
Dan
Ionuț
Liviu
Lucian
Marius
Iulian Julian Julijan
Cătălin
Gabriel Gabrijel
Žiga
Jure
Matjaž
Rok
Primož
Boštjan
Blaž
Aljaž
Anže
Nejc
Tadej
Domagoj
Krešimir
Zvonimir
Mario
Franjo Franc Frane Franz
Vinko
Zdenko
Emre
Burak
Can
Cem
Fatih
Kadir
Kenan
Levent
Metin
Mert
Serkan
Tarık Tarik
Volkan
Uğur
Orhan
Hakan
Hamza
Ercan
Erdal
`;
