/**
 * Nationalities of recent immigration to Switzerland with typical names and the permits their nationals
 * usually hold, for synthetic test data only. Weights follow the rough order of the SEM immigration statistics
 * (EU/EFTA neighbours first, then the main asylum and third-country groups); they are not official figures.
 * Kosovo has no ISO code in the BFS list, which exercises a nationality without `countryIdISO2`.
 */
export interface NationalityPool {
  bfsCode: number;
  iso2: string | null;
  nameDe: string;
  weight: number;
  /** Permit codes (eCH-0006) with their weight for a newcomer of this nationality. */
  permits: ReadonlyArray<readonly [code: string, weight: number]>;
  language: 'de' | 'fr' | 'it' | 'en' | null;
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
  towns: readonly string[];
}

const EU: NationalityPool['permits'] = [['0201', 55], ['0701', 22], ['0301', 12], ['070104', 4], ['1006', 2], ['0601', 2]];
const ASYLUM: NationalityPool['permits'] = [['0503', 35], ['0804', 30], ['0202', 28], ['0302', 7]];
const THIRD: NationalityPool['permits'] = [['0202', 58], ['0702', 18], ['0302', 16], ['0402', 4], ['070201', 4]];

export const NATIONALITY_POOLS: readonly NationalityPool[] = [
  { bfsCode: 8207, iso2: 'DE', nameDe: 'Deutschland', weight: 14, permits: EU, language: 'de',
    male: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Tobias', 'Florian', 'Jan', 'Michael'],
    female: ['Anna', 'Lena', 'Sophie', 'Laura', 'Julia', 'Katharina', 'Marie', 'Hannah'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer'],
    towns: ['Berlin', 'München', 'Freiburg im Breisgau', 'Stuttgart', 'Lörrach'] },
  { bfsCode: 8218, iso2: 'IT', nameDe: 'Italien', weight: 10, permits: EU, language: 'it',
    male: ['Marco', 'Luca', 'Giuseppe', 'Alessandro', 'Matteo', 'Francesco', 'Andrea', 'Davide'],
    female: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Elena', 'Valentina', 'Alessia'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    towns: ['Milano', 'Napoli', 'Torino', 'Bergamo', 'Palermo'] },
  { bfsCode: 8231, iso2: 'PT', nameDe: 'Portugal', weight: 6, permits: EU, language: null,
    male: ['João', 'Rui', 'Tiago', 'Pedro', 'Miguel', 'André', 'Bruno', 'Nuno'],
    female: ['Ana', 'Inês', 'Beatriz', 'Mariana', 'Catarina', 'Sofia', 'Joana', 'Rita'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa', 'Gonçalves'],
    towns: ['Porto', 'Lisboa', 'Braga', 'Viseu', 'Funchal'] },
  { bfsCode: 8212, iso2: 'FR', nameDe: 'Frankreich', weight: 7, permits: EU, language: 'fr',
    male: ['Thomas', 'Nicolas', 'Julien', 'Antoine', 'Maxime', 'Hugo', 'Louis', 'Mathieu'],
    female: ['Camille', 'Manon', 'Chloé', 'Léa', 'Émilie', 'Sarah', 'Claire', 'Pauline'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'],
    towns: ['Mulhouse', 'Lyon', 'Paris', 'Strasbourg', 'Besançon'] },
  { bfsCode: 8236, iso2: 'ES', nameDe: 'Spanien', weight: 3, permits: EU, language: null,
    male: ['Javier', 'Carlos', 'Alejandro', 'Pablo', 'Sergio', 'Daniel'],
    female: ['Lucía', 'María', 'Paula', 'Carmen', 'Laura', 'Marta'],
    last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez'],
    towns: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla'] },
  { bfsCode: 8230, iso2: 'PL', nameDe: 'Polen', weight: 3, permits: EU, language: null,
    male: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał', 'Kamil'],
    female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna', 'Monika'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski'],
    towns: ['Kraków', 'Wrocław', 'Gdańsk', 'Poznań'] },
  { bfsCode: 8232, iso2: 'RO', nameDe: 'Rumänien', weight: 3, permits: EU, language: null,
    male: ['Andrei', 'Alexandru', 'Mihai', 'Ionuț', 'Florin', 'Adrian'],
    female: ['Andreea', 'Elena', 'Ioana', 'Maria', 'Alexandra', 'Cristina'],
    last: ['Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Munteanu', 'Constantin'],
    towns: ['București', 'Cluj-Napoca', 'Iași', 'Timișoara'] },
  { bfsCode: 8229, iso2: 'AT', nameDe: 'Österreich', weight: 2, permits: EU, language: 'de',
    male: ['Stefan', 'Markus', 'David', 'Elias', 'Fabian'],
    female: ['Johanna', 'Theresa', 'Magdalena', 'Sarah', 'Verena'],
    last: ['Gruber', 'Huber', 'Bauer', 'Wagner', 'Pichler', 'Steiner', 'Moser'],
    towns: ['Wien', 'Graz', 'Innsbruck', 'Salzburg'] },
  { bfsCode: 8265, iso2: 'UA', nameDe: 'Ukraine', weight: 6, permits: [['0905', 85], ['0202', 10], ['0702', 5]], language: null,
    male: ['Oleksandr', 'Dmytro', 'Andrii', 'Serhii', 'Maksym', 'Ivan'],
    female: ['Olena', 'Iryna', 'Tetiana', 'Nataliia', 'Anastasiia', 'Yuliia', 'Oksana'],
    last: ['Melnyk', 'Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Oliinyk'],
    towns: ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Lviv'] },
  { bfsCode: 8501, iso2: 'AF', nameDe: 'Afghanistan', weight: 4, permits: ASYLUM, language: null,
    male: ['Ahmad', 'Mohammad', 'Ali', 'Mustafa', 'Hamid', 'Farid', 'Rahim'],
    female: ['Fatima', 'Maryam', 'Zahra', 'Sakina', 'Parwana', 'Nilofar'],
    last: ['Ahmadi', 'Hashimi', 'Rahimi', 'Sultani', 'Hussaini', 'Karimi', 'Noori'],
    towns: ['Kabul', 'Herat', 'Mazar-i-Sharif', 'Kandahar'] },
  { bfsCode: 8362, iso2: 'ER', nameDe: 'Eritrea', weight: 3, permits: ASYLUM, language: null,
    male: ['Yonas', 'Tesfay', 'Filmon', 'Robel', 'Dawit', 'Merhawi'],
    female: ['Helen', 'Senait', 'Selam', 'Luwam', 'Rahel', 'Saba'],
    last: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Tekle', 'Berhane', 'Woldu', 'Kidane'],
    towns: ['Asmara', 'Keren', 'Massawa', 'Mendefera'] },
  { bfsCode: 8541, iso2: 'SY', nameDe: 'Syrien', weight: 2, permits: ASYLUM, language: null,
    male: ['Mohammed', 'Ahmad', 'Omar', 'Khaled', 'Hussein', 'Yousef'],
    female: ['Rania', 'Lina', 'Hiba', 'Nour', 'Amal', 'Reem'],
    last: ['Al-Ahmad', 'Haddad', 'Khalil', 'Hamdan', 'Al-Hassan', 'Mansour'],
    towns: ['Damaskus', 'Aleppo', 'Homs', 'Latakia'] },
  { bfsCode: 8239, iso2: 'TR', nameDe: 'Türkei', weight: 4, permits: [['0202', 45], ['0804', 20], ['0503', 15], ['0302', 15], ['0702', 5]], language: null,
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Can', 'Murat', 'Yusuf'],
    female: ['Ayşe', 'Fatma', 'Elif', 'Zeynep', 'Emine', 'Merve'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın'],
    towns: ['İstanbul', 'Ankara', 'İzmir', 'Diyarbakır'] },
  { bfsCode: 8256, iso2: null, nameDe: 'Kosovo', weight: 3, permits: THIRD, language: null,
    male: ['Arben', 'Besnik', 'Driton', 'Fatmir', 'Valon', 'Arton'],
    female: ['Arta', 'Blerta', 'Drita', 'Vlora', 'Teuta', 'Albana'],
    last: ['Krasniqi', 'Gashi', 'Berisha', 'Morina', 'Hoxha', 'Shala', 'Bytyqi'],
    towns: ['Prishtina', 'Prizren', 'Peja', 'Gjakova'] },
  { bfsCode: 8255, iso2: 'MK', nameDe: 'Mazedonien', weight: 2, permits: THIRD, language: null,
    male: ['Aleksandar', 'Nikola', 'Stefan', 'Bujar', 'Ilir'],
    female: ['Ana', 'Elena', 'Marija', 'Albulena', 'Jovana'],
    last: ['Stojanovski', 'Petrovski', 'Nikolovski', 'Ademi', 'Rexhepi'],
    towns: ['Skopje', 'Tetovo', 'Bitola', 'Kumanovo'] },
  { bfsCode: 8248, iso2: 'RS', nameDe: 'Serbien', weight: 2, permits: THIRD, language: null,
    male: ['Marko', 'Nemanja', 'Miloš', 'Stefan', 'Lazar'],
    female: ['Milica', 'Jelena', 'Ana', 'Katarina', 'Teodora'],
    last: ['Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović'],
    towns: ['Beograd', 'Novi Sad', 'Niš', 'Kragujevac'] },
  { bfsCode: 8510, iso2: 'IN', nameDe: 'Indien', weight: 3, permits: THIRD, language: 'en',
    male: ['Rahul', 'Amit', 'Arjun', 'Vikram', 'Sanjay', 'Rohan'],
    female: ['Priya', 'Ananya', 'Deepika', 'Kavya', 'Neha', 'Shreya'],
    last: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer'],
    towns: ['Bengaluru', 'Mumbai', 'Pune', 'Chennai', 'Hyderabad'] },
  { bfsCode: 8215, iso2: 'GB', nameDe: 'Vereinigtes Königreich', weight: 2, permits: THIRD, language: 'en',
    male: ['James', 'Oliver', 'Harry', 'George', 'William'],
    female: ['Emily', 'Charlotte', 'Olivia', 'Amelia', 'Grace'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans'],
    towns: ['London', 'Manchester', 'Edinburgh', 'Bristol'] },
  { bfsCode: 8439, iso2: 'US', nameDe: 'Vereinigte Staaten', weight: 2, permits: THIRD, language: 'en',
    male: ['Michael', 'Christopher', 'Matthew', 'Ryan', 'Daniel'],
    female: ['Jessica', 'Ashley', 'Emily', 'Madison', 'Abigail'],
    last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Anderson', 'Clark'],
    towns: ['New York', 'Boston', 'Chicago', 'San Francisco'] },
  { bfsCode: 8406, iso2: 'BR', nameDe: 'Brasilien', weight: 2, permits: THIRD, language: null,
    male: ['Gabriel', 'Lucas', 'Rafael', 'Felipe', 'Gustavo'],
    female: ['Juliana', 'Camila', 'Fernanda', 'Larissa', 'Bruna'],
    last: ['Souza', 'Lima', 'Carvalho', 'Almeida', 'Ribeiro', 'Barbosa'],
    towns: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba'] },
  { bfsCode: 8506, iso2: 'LK', nameDe: 'Sri Lanka', weight: 2, permits: [['0302', 40], ['0202', 40], ['0503', 20]], language: null,
    male: ['Tharshan', 'Kajan', 'Suthan', 'Nirojan', 'Pradeep'],
    female: ['Tharshika', 'Nirosha', 'Kavitha', 'Sharmila', 'Mathumitha'],
    last: ['Sivakumar', 'Tharmalingam', 'Nadarajah', 'Kanagaratnam', 'Selvarajah'],
    towns: ['Jaffna', 'Colombo', 'Trincomalee', 'Batticaloa'] },
  { bfsCode: 8512, iso2: 'IQ', nameDe: 'Irak', weight: 1, permits: ASYLUM, language: null,
    male: ['Ali', 'Hassan', 'Haider', 'Karwan', 'Rebwar'],
    female: ['Zainab', 'Shilan', 'Noor', 'Avin', 'Dilan'],
    last: ['Al-Jabouri', 'Mahmoud', 'Rasul', 'Abdullah', 'Qadir'],
    towns: ['Bagdad', 'Erbil', 'Mossul', 'Sulaimaniyya'] },
  { bfsCode: 8348, iso2: 'SO', nameDe: 'Somalia', weight: 1, permits: ASYLUM, language: null,
    male: ['Abdi', 'Mohamed', 'Abdullahi', 'Hassan', 'Ismail'],
    female: ['Hodan', 'Fadumo', 'Hawa', 'Asha', 'Sahra'],
    last: ['Warsame', 'Farah', 'Jama', 'Abdi', 'Osman', 'Yusuf'],
    towns: ['Mogadischu', 'Hargeisa', 'Kismaayo'] },
  { bfsCode: 8508, iso2: 'CN', nameDe: 'China', weight: 1, permits: THIRD, language: 'en',
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Yang'],
    female: ['Li', 'Mei', 'Xin', 'Yan', 'Jing'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Zhao'],
    towns: ['Shanghai', 'Beijing', 'Shenzhen', 'Chengdu'] },
  { bfsCode: 8331, iso2: 'MA', nameDe: 'Marokko', weight: 1, permits: THIRD, language: 'fr',
    male: ['Youssef', 'Mehdi', 'Karim', 'Hamza', 'Anas'],
    female: ['Salma', 'Imane', 'Khadija', 'Meryem', 'Houda'],
    last: ['El Amrani', 'Benali', 'Bennani', 'Alaoui', 'Tazi'],
    towns: ['Casablanca', 'Rabat', 'Marrakesch', 'Tanger'] },
];

/** Swiss citizens in a base delivery: the register holds everyone, and the mapper must skip them. */
export const SWISS = {
  male: ['Daniel', 'Thomas', 'Peter', 'Martin', 'Andreas', 'Reto', 'Urs', 'Beat', 'Marco', 'Simon', 'Lukas', 'Noah'],
  female: ['Ursula', 'Ruth', 'Sandra', 'Monika', 'Barbara', 'Nicole', 'Daniela', 'Sarah', 'Laura', 'Mia', 'Lea'],
  last: ['Meier', 'Müller', 'Schmid', 'Keller', 'Weber', 'Huber', 'Schneider', 'Ackermann', 'Flury', 'Studer', 'Kaufmann', 'Gerber', 'Bläsi', 'Jäggi', 'von Arx'],
  origins: [['Solothurn', 'SO'], ['Olten', 'SO'], ['Grenchen', 'SO'], ['Balsthal', 'SO'], ['Bern', 'BE'], ['Luzern', 'LU'], ['Aarau', 'AG'], ['Basel', 'BS']] as const,
} as const;

export const STREETS = [
  'Hauptstrasse', 'Bahnhofstrasse', 'Dorfstrasse', 'Kirchweg', 'Schulstrasse', 'Gartenstrasse', 'Baselstrasse',
  'Bielstrasse', 'Weissensteinstrasse', 'Werkhofstrasse', 'Industriestrasse', 'Lindenweg', 'Sonnenrain', 'Jurastrasse',
] as const;

/** Postal codes of some Solothurn municipalities; others get a nearby code (synthetic data, not a postal directory). */
export const ZIP_BY_BFS: Readonly<Record<number, number>> = {
  2601: 4500, 2581: 4600, 2546: 2540, 2534: 4528, 2513: 4562, 2473: 4143, 2422: 4710, 2613: 4226, 2500: 4632,
  2517: 4552, 2519: 4563, 2542: 4512, 2550: 4513, 2407: 4702, 2401: 4622, 2586: 4612, 2579: 4614, 2583: 5012,
  2573: 4657, 2543: 2544, 2556: 2545, 2527: 4542, 2532: 4553, 2493: 4654, 2495: 5013,
};

/** Swiss towns outside the canton, as origins and destinations of moves. */
export const OTHER_CANTON_TOWNS: ReadonlyArray<readonly [bfs: number, name: string, canton: string]> = [
  [351, 'Bern', 'BE'], [2701, 'Basel', 'BS'], [261, 'Zürich', 'ZH'], [4001, 'Aarau', 'AG'], [1061, 'Luzern', 'LU'],
  [371, 'Biel/Bienne', 'BE'], [2829, 'Liestal', 'BL'], [6621, 'Genève', 'GE'],
];
