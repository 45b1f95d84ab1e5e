/**
 * Realistic en-GB name lists for synthetic people in the Troubled Families evaluation seed.
 *
 * Given names are keyed by birth era and sex. Each era list approximates the most popular first names
 * registered for births in England and Wales in that era, drawn from the ONS "Baby names in England and
 * Wales" releases: the historic top-100 tables for 1954, 1964, 1974, 1984 and 1994, and the annual tables
 * for 1996 onwards (for example Paul and Sarah top in 1974, Christopher and Sarah in 1984, Thomas and
 * Rebecca in 1994, Jack through the late 1990s and 2000s, then Oliver; Chloe, Emily, Olivia and Amelia for
 * girls since 1996). Later eras include names common among British Asian, Black British and recent Polish
 * communities (Mohammed, Muhammad, Ibrahim, Aisha, Fatima, Zainab, Maryam, Kacper, Oliwia) at roughly their
 * national ranks.
 *
 * Family names approximate the leading surnames of England and Wales: the shares for long-established names
 * follow published ONS/GRO and electoral-register frequency tables (Smith about 1.3%, Jones about 0.95%,
 * Williams about 0.65%, and so on), and names that became common after 1945 (Patel, Khan, Singh, Ali,
 * Ahmed, Hussain, Begum, Kaur, Rahman, Nowak, Mensah and others) are weighted from published counts around
 * the 2011 census (for example Patel at about 100,000 UK bearers). A few apostrophe and hyphenated forms
 * (O'Brien, D'Souza, Lloyd-Jones) are included on purpose because they exercise linkage normalisation.
 *
 * Weights are relative frequencies, to be used only for weighted random choice within one list. For given
 * names they roughly mean births per 10,000 of that sex in the era; for family names, bearers per 100,000
 * people. They were assigned by hand from published ranks and shares, so treat them as approximate, not as
 * official counts. Names are ASCII only, and each name appears once per list.
 */
export type Sex = "FEMALE" | "MALE";
export type BirthEra = "1955-1974" | "1975-1989" | "1990-2004" | "2005-2020";
export interface WeightedName { readonly name: string; readonly weight: number }

export const GIVEN_NAMES: Readonly<Record<BirthEra, Readonly<Record<Sex, readonly WeightedName[]>>>> = {
  "1955-1974": {
    FEMALE: [
      { name: "Susan", weight: 420 }, { name: "Julie", weight: 300 }, { name: "Karen", weight: 290 }, { name: "Deborah", weight: 210 }, { name: "Tracey", weight: 200 },
      { name: "Sharon", weight: 190 }, { name: "Linda", weight: 180 }, { name: "Amanda", weight: 180 }, { name: "Jane", weight: 180 }, { name: "Sarah", weight: 170 },
      { name: "Christine", weight: 170 }, { name: "Jacqueline", weight: 170 }, { name: "Claire", weight: 160 }, { name: "Helen", weight: 150 }, { name: "Angela", weight: 150 },
      { name: "Alison", weight: 150 }, { name: "Lisa", weight: 150 }, { name: "Michelle", weight: 150 }, { name: "Sandra", weight: 150 }, { name: "Nicola", weight: 140 },
      { name: "Elizabeth", weight: 130 }, { name: "Carol", weight: 130 }, { name: "Patricia", weight: 130 }, { name: "Janet", weight: 130 }, { name: "Joanne", weight: 130 },
      { name: "Margaret", weight: 120 }, { name: "Diane", weight: 120 }, { name: "Anne", weight: 120 }, { name: "Gillian", weight: 110 }, { name: "Caroline", weight: 110 },
      { name: "Catherine", weight: 100 }, { name: "Wendy", weight: 100 }, { name: "Lorraine", weight: 100 }, { name: "Dawn", weight: 100 }, { name: "Paula", weight: 100 },
      { name: "Pauline", weight: 90 }, { name: "Louise", weight: 90 }, { name: "Kim", weight: 80 }, { name: "Mandy", weight: 80 }, { name: "Samantha", weight: 80 },
      { name: "Emma", weight: 80 }, { name: "Denise", weight: 80 }, { name: "Andrea", weight: 80 }, { name: "Donna", weight: 80 }, { name: "Rachel", weight: 80 },
      { name: "Ann", weight: 80 }, { name: "Beverley", weight: 70 }, { name: "Jennifer", weight: 70 }, { name: "Maria", weight: 70 }, { name: "Fiona", weight: 70 },
      { name: "Kerry", weight: 60 }, { name: "Teresa", weight: 60 }, { name: "Heather", weight: 60 }, { name: "Yvonne", weight: 60 }, { name: "Sally", weight: 60 },
      { name: "Lynn", weight: 60 }, { name: "Suzanne", weight: 60 }, { name: "Tina", weight: 60 }, { name: "Kathryn", weight: 50 }, { name: "Marie", weight: 50 },
      { name: "Valerie", weight: 40 }, { name: "Anita", weight: 40 }, { name: "Kathleen", weight: 40 }, { name: "Bernadette", weight: 25 }, { name: "Parveen", weight: 12 },
      { name: "Yasmin", weight: 10 },
    ],
    MALE: [
      { name: "David", weight: 420 }, { name: "Paul", weight: 380 }, { name: "Mark", weight: 340 }, { name: "John", weight: 330 }, { name: "Andrew", weight: 330 },
      { name: "Michael", weight: 300 }, { name: "Stephen", weight: 300 }, { name: "Peter", weight: 230 }, { name: "Ian", weight: 220 }, { name: "Richard", weight: 220 },
      { name: "Robert", weight: 200 }, { name: "Gary", weight: 200 }, { name: "Christopher", weight: 200 }, { name: "Anthony", weight: 180 }, { name: "Kevin", weight: 170 },
      { name: "Simon", weight: 160 }, { name: "Alan", weight: 150 }, { name: "Steven", weight: 150 }, { name: "Martin", weight: 150 }, { name: "James", weight: 150 },
      { name: "Philip", weight: 130 }, { name: "Neil", weight: 130 }, { name: "Darren", weight: 120 }, { name: "Keith", weight: 110 }, { name: "Graham", weight: 110 },
      { name: "Colin", weight: 100 }, { name: "Nigel", weight: 100 }, { name: "Lee", weight: 100 }, { name: "Brian", weight: 90 }, { name: "Jason", weight: 90 },
      { name: "Wayne", weight: 90 }, { name: "Carl", weight: 80 }, { name: "Dean", weight: 80 }, { name: "Timothy", weight: 80 }, { name: "Jonathan", weight: 80 },
      { name: "Matthew", weight: 80 }, { name: "Nicholas", weight: 80 }, { name: "Trevor", weight: 70 }, { name: "Barry", weight: 70 }, { name: "Adrian", weight: 70 },
      { name: "William", weight: 70 }, { name: "Kenneth", weight: 60 }, { name: "Terence", weight: 60 }, { name: "Craig", weight: 60 }, { name: "Roger", weight: 60 },
      { name: "Russell", weight: 50 }, { name: "Shaun", weight: 50 }, { name: "Sean", weight: 50 }, { name: "Derek", weight: 50 }, { name: "Raymond", weight: 50 },
      { name: "Malcolm", weight: 50 }, { name: "Geoffrey", weight: 50 }, { name: "Thomas", weight: 50 }, { name: "Patrick", weight: 50 }, { name: "Julian", weight: 40 },
      { name: "Jeremy", weight: 40 }, { name: "Dennis", weight: 40 }, { name: "Clive", weight: 40 }, { name: "Daniel", weight: 30 }, { name: "Mohammed", weight: 15 },
      { name: "Winston", weight: 10 }, { name: "Delroy", weight: 8 }, { name: "Sanjay", weight: 8 },
    ],
  },
  "1975-1989": {
    FEMALE: [
      { name: "Sarah", weight: 350 }, { name: "Emma", weight: 250 }, { name: "Claire", weight: 220 }, { name: "Nicola", weight: 200 }, { name: "Laura", weight: 200 },
      { name: "Lisa", weight: 180 }, { name: "Rebecca", weight: 170 }, { name: "Samantha", weight: 170 }, { name: "Louise", weight: 160 }, { name: "Gemma", weight: 160 },
      { name: "Kelly", weight: 160 }, { name: "Michelle", weight: 150 }, { name: "Rachel", weight: 150 }, { name: "Amy", weight: 130 }, { name: "Joanne", weight: 130 },
      { name: "Helen", weight: 120 }, { name: "Victoria", weight: 120 }, { name: "Charlotte", weight: 110 }, { name: "Hayley", weight: 110 }, { name: "Natalie", weight: 110 },
      { name: "Danielle", weight: 100 }, { name: "Donna", weight: 80 }, { name: "Kerry", weight: 80 }, { name: "Stephanie", weight: 80 }, { name: "Jennifer", weight: 80 },
      { name: "Katie", weight: 80 }, { name: "Zoe", weight: 80 }, { name: "Lauren", weight: 80 }, { name: "Kirsty", weight: 80 }, { name: "Leanne", weight: 80 },
      { name: "Catherine", weight: 70 }, { name: "Elizabeth", weight: 70 }, { name: "Lucy", weight: 70 }, { name: "Katherine", weight: 60 }, { name: "Karen", weight: 60 },
      { name: "Amanda", weight: 60 }, { name: "Jodie", weight: 60 }, { name: "Stacey", weight: 60 }, { name: "Hannah", weight: 60 }, { name: "Lindsey", weight: 50 },
      { name: "Jessica", weight: 50 }, { name: "Tracey", weight: 50 }, { name: "Sophie", weight: 50 }, { name: "Jade", weight: 50 }, { name: "Carly", weight: 50 },
      { name: "Natasha", weight: 50 }, { name: "Julie", weight: 40 }, { name: "Joanna", weight: 40 }, { name: "Kimberley", weight: 40 }, { name: "Melissa", weight: 40 },
      { name: "Anna", weight: 40 }, { name: "Nicole", weight: 30 }, { name: "Sally", weight: 30 }, { name: "Alison", weight: 30 }, { name: "Charlene", weight: 30 },
      { name: "Aimee", weight: 30 }, { name: "Fiona", weight: 30 }, { name: "Jane", weight: 30 }, { name: "Shazia", weight: 15 }, { name: "Ayesha", weight: 15 },
      { name: "Nazia", weight: 10 }, { name: "Priya", weight: 10 },
    ],
    MALE: [
      { name: "Christopher", weight: 300 }, { name: "Matthew", weight: 280 }, { name: "James", weight: 250 }, { name: "Daniel", weight: 230 }, { name: "Paul", weight: 200 },
      { name: "Mark", weight: 200 }, { name: "David", weight: 200 }, { name: "Andrew", weight: 200 }, { name: "Michael", weight: 200 }, { name: "Richard", weight: 170 },
      { name: "Thomas", weight: 160 }, { name: "Lee", weight: 150 }, { name: "Adam", weight: 150 }, { name: "Robert", weight: 140 }, { name: "Steven", weight: 130 },
      { name: "Craig", weight: 130 }, { name: "John", weight: 120 }, { name: "Anthony", weight: 120 }, { name: "Jamie", weight: 120 }, { name: "Stephen", weight: 110 },
      { name: "Darren", weight: 110 }, { name: "Simon", weight: 110 }, { name: "Benjamin", weight: 100 }, { name: "Jonathan", weight: 100 }, { name: "Dean", weight: 100 },
      { name: "Jason", weight: 100 }, { name: "Scott", weight: 100 }, { name: "Ryan", weight: 100 }, { name: "Ashley", weight: 100 }, { name: "Luke", weight: 100 },
      { name: "Nicholas", weight: 90 }, { name: "Wayne", weight: 90 }, { name: "Gareth", weight: 80 }, { name: "Carl", weight: 70 }, { name: "Peter", weight: 70 },
      { name: "Stuart", weight: 70 }, { name: "Sean", weight: 70 }, { name: "Joseph", weight: 70 }, { name: "Nathan", weight: 70 }, { name: "Ian", weight: 60 },
      { name: "Martin", weight: 60 }, { name: "Neil", weight: 60 }, { name: "Gary", weight: 60 }, { name: "Philip", weight: 60 }, { name: "Shaun", weight: 60 },
      { name: "Liam", weight: 60 }, { name: "Samuel", weight: 60 }, { name: "William", weight: 60 }, { name: "Aaron", weight: 60 }, { name: "Kevin", weight: 50 },
      { name: "Alexander", weight: 50 }, { name: "Kieran", weight: 40 }, { name: "Karl", weight: 40 }, { name: "Kyle", weight: 40 }, { name: "Danny", weight: 40 },
      { name: "Marcus", weight: 40 }, { name: "Gavin", weight: 40 }, { name: "Mohammed", weight: 40 }, { name: "Jordan", weight: 30 }, { name: "Leon", weight: 30 },
      { name: "Ricky", weight: 30 }, { name: "Tony", weight: 30 }, { name: "Glen", weight: 30 }, { name: "Joshua", weight: 30 }, { name: "Imran", weight: 20 },
      { name: "Asif", weight: 10 },
    ],
  },
  "1990-2004": {
    FEMALE: [
      { name: "Lauren", weight: 220 }, { name: "Jessica", weight: 220 }, { name: "Rebecca", weight: 200 }, { name: "Charlotte", weight: 200 }, { name: "Hannah", weight: 200 },
      { name: "Sophie", weight: 200 }, { name: "Emily", weight: 200 }, { name: "Chloe", weight: 200 }, { name: "Amy", weight: 180 }, { name: "Megan", weight: 180 },
      { name: "Laura", weight: 150 }, { name: "Bethany", weight: 130 }, { name: "Lucy", weight: 130 }, { name: "Sarah", weight: 120 }, { name: "Katie", weight: 120 },
      { name: "Emma", weight: 110 }, { name: "Georgia", weight: 110 }, { name: "Ellie", weight: 100 }, { name: "Jade", weight: 100 }, { name: "Holly", weight: 100 },
      { name: "Rachel", weight: 90 }, { name: "Danielle", weight: 80 }, { name: "Olivia", weight: 80 }, { name: "Shannon", weight: 80 }, { name: "Abigail", weight: 70 },
      { name: "Courtney", weight: 70 }, { name: "Caitlin", weight: 70 }, { name: "Molly", weight: 70 }, { name: "Paige", weight: 60 }, { name: "Leah", weight: 60 },
      { name: "Grace", weight: 60 }, { name: "Samantha", weight: 60 }, { name: "Natasha", weight: 50 }, { name: "Stephanie", weight: 50 }, { name: "Eleanor", weight: 50 },
      { name: "Amber", weight: 50 }, { name: "Jasmine", weight: 50 }, { name: "Elizabeth", weight: 50 }, { name: "Zoe", weight: 50 }, { name: "Nicole", weight: 50 },
      { name: "Alice", weight: 40 }, { name: "Kirsty", weight: 40 }, { name: "Gemma", weight: 40 }, { name: "Kayleigh", weight: 40 }, { name: "Alexandra", weight: 40 },
      { name: "Anna", weight: 40 }, { name: "Demi", weight: 30 }, { name: "Jodie", weight: 30 }, { name: "Eve", weight: 30 }, { name: "Millie", weight: 30 },
      { name: "Phoebe", weight: 30 }, { name: "Lily", weight: 30 }, { name: "Ella", weight: 30 }, { name: "Abbie", weight: 30 }, { name: "Mia", weight: 25 },
      { name: "Amelia", weight: 20 }, { name: "Aisha", weight: 20 }, { name: "Fatima", weight: 15 }, { name: "Ayesha", weight: 12 }, { name: "Zainab", weight: 10 },
    ],
    MALE: [
      { name: "Thomas", weight: 300 }, { name: "Jack", weight: 280 }, { name: "James", weight: 250 }, { name: "Daniel", weight: 240 }, { name: "Joshua", weight: 230 },
      { name: "Matthew", weight: 200 }, { name: "Samuel", weight: 150 }, { name: "Callum", weight: 150 }, { name: "Luke", weight: 150 }, { name: "Ryan", weight: 150 },
      { name: "Benjamin", weight: 140 }, { name: "Joseph", weight: 140 }, { name: "Adam", weight: 140 }, { name: "Jordan", weight: 130 }, { name: "Lewis", weight: 130 },
      { name: "Connor", weight: 130 }, { name: "Christopher", weight: 120 }, { name: "Jake", weight: 120 }, { name: "Michael", weight: 110 }, { name: "William", weight: 110 },
      { name: "Oliver", weight: 100 }, { name: "Liam", weight: 100 }, { name: "Alexander", weight: 100 }, { name: "Harry", weight: 100 }, { name: "Nathan", weight: 100 },
      { name: "Bradley", weight: 90 }, { name: "Jamie", weight: 90 }, { name: "Mohammed", weight: 90 }, { name: "Kieran", weight: 80 }, { name: "Kyle", weight: 80 },
      { name: "George", weight: 80 }, { name: "Aaron", weight: 80 }, { name: "Cameron", weight: 80 }, { name: "Reece", weight: 70 }, { name: "Robert", weight: 60 },
      { name: "Jacob", weight: 60 }, { name: "David", weight: 60 }, { name: "Ashley", weight: 50 }, { name: "Charlie", weight: 50 }, { name: "Ben", weight: 50 },
      { name: "Ethan", weight: 50 }, { name: "Dylan", weight: 50 }, { name: "Tyler", weight: 50 }, { name: "Brandon", weight: 50 }, { name: "Andrew", weight: 50 },
      { name: "Sam", weight: 40 }, { name: "Owen", weight: 40 }, { name: "Max", weight: 40 }, { name: "Alex", weight: 40 }, { name: "Louis", weight: 40 },
      { name: "Edward", weight: 40 }, { name: "Rhys", weight: 40 }, { name: "Sean", weight: 40 }, { name: "Muhammad", weight: 30 }, { name: "Conor", weight: 30 },
      { name: "Elliot", weight: 30 }, { name: "Henry", weight: 30 }, { name: "Harrison", weight: 30 }, { name: "Alfie", weight: 30 }, { name: "Kai", weight: 25 },
      { name: "Ibrahim", weight: 15 }, { name: "Hassan", weight: 15 },
    ],
  },
  "2005-2020": {
    FEMALE: [
      { name: "Amelia", weight: 260 }, { name: "Olivia", weight: 250 }, { name: "Emily", weight: 200 }, { name: "Isla", weight: 180 }, { name: "Ava", weight: 180 },
      { name: "Lily", weight: 170 }, { name: "Jessica", weight: 150 }, { name: "Isabella", weight: 150 }, { name: "Mia", weight: 140 }, { name: "Poppy", weight: 130 },
      { name: "Ella", weight: 130 }, { name: "Ruby", weight: 130 }, { name: "Sophie", weight: 120 }, { name: "Grace", weight: 120 }, { name: "Evie", weight: 120 },
      { name: "Sophia", weight: 100 }, { name: "Chloe", weight: 100 }, { name: "Charlotte", weight: 100 }, { name: "Freya", weight: 100 }, { name: "Millie", weight: 100 },
      { name: "Ellie", weight: 100 }, { name: "Daisy", weight: 80 }, { name: "Scarlett", weight: 80 }, { name: "Lucy", weight: 80 }, { name: "Molly", weight: 80 },
      { name: "Phoebe", weight: 70 }, { name: "Alice", weight: 70 }, { name: "Isabelle", weight: 60 }, { name: "Florence", weight: 60 }, { name: "Rosie", weight: 60 },
      { name: "Sienna", weight: 60 }, { name: "Evelyn", weight: 60 }, { name: "Matilda", weight: 60 }, { name: "Holly", weight: 60 }, { name: "Maisie", weight: 60 },
      { name: "Willow", weight: 50 }, { name: "Lola", weight: 50 }, { name: "Erin", weight: 50 }, { name: "Megan", weight: 50 }, { name: "Hannah", weight: 50 },
      { name: "Eva", weight: 50 }, { name: "Layla", weight: 50 }, { name: "Elsie", weight: 50 }, { name: "Imogen", weight: 50 }, { name: "Summer", weight: 50 },
      { name: "Harper", weight: 40 }, { name: "Bella", weight: 40 }, { name: "Lexi", weight: 40 }, { name: "Esme", weight: 40 }, { name: "Katie", weight: 40 },
      { name: "Amber", weight: 40 }, { name: "Leah", weight: 40 }, { name: "Abigail", weight: 40 }, { name: "Emilia", weight: 40 }, { name: "Aisha", weight: 40 },
      { name: "Darcey", weight: 30 }, { name: "Lacey", weight: 30 }, { name: "Jasmine", weight: 30 }, { name: "Maryam", weight: 30 }, { name: "Fatima", weight: 30 },
      { name: "Zainab", weight: 25 }, { name: "Oliwia", weight: 15 }, { name: "Zuzanna", weight: 10 },
    ],
    MALE: [
      { name: "Oliver", weight: 300 }, { name: "Jack", weight: 270 }, { name: "Harry", weight: 260 }, { name: "George", weight: 200 }, { name: "Charlie", weight: 200 },
      { name: "Jacob", weight: 190 }, { name: "Noah", weight: 170 }, { name: "Alfie", weight: 170 }, { name: "Thomas", weight: 170 }, { name: "James", weight: 170 },
      { name: "William", weight: 160 }, { name: "Oscar", weight: 160 }, { name: "Leo", weight: 150 }, { name: "Muhammad", weight: 150 }, { name: "Joshua", weight: 130 },
      { name: "Archie", weight: 130 }, { name: "Henry", weight: 110 }, { name: "Joseph", weight: 110 }, { name: "Ethan", weight: 110 }, { name: "Mohammed", weight: 100 },
      { name: "Freddie", weight: 100 }, { name: "Theo", weight: 100 }, { name: "Alexander", weight: 100 }, { name: "Isaac", weight: 100 }, { name: "Daniel", weight: 100 },
      { name: "Samuel", weight: 100 }, { name: "Riley", weight: 100 }, { name: "Lucas", weight: 90 }, { name: "Max", weight: 90 }, { name: "Mason", weight: 90 },
      { name: "Logan", weight: 80 }, { name: "Arthur", weight: 80 }, { name: "Finley", weight: 80 }, { name: "Dylan", weight: 70 }, { name: "Harrison", weight: 70 },
      { name: "Lewis", weight: 60 }, { name: "Tyler", weight: 60 }, { name: "Edward", weight: 60 }, { name: "Benjamin", weight: 60 }, { name: "Toby", weight: 60 },
      { name: "Jayden", weight: 50 }, { name: "Ryan", weight: 50 }, { name: "Luke", weight: 50 }, { name: "Liam", weight: 50 }, { name: "Jake", weight: 50 },
      { name: "Adam", weight: 50 }, { name: "Sebastian", weight: 50 }, { name: "Elijah", weight: 50 }, { name: "Teddy", weight: 40 }, { name: "Louie", weight: 40 },
      { name: "Tommy", weight: 40 }, { name: "Zachary", weight: 40 }, { name: "Jenson", weight: 40 }, { name: "Harley", weight: 40 }, { name: "Bobby", weight: 40 },
      { name: "Callum", weight: 40 }, { name: "Ibrahim", weight: 40 }, { name: "Yusuf", weight: 35 }, { name: "Reggie", weight: 30 }, { name: "Frankie", weight: 30 },
      { name: "Kian", weight: 30 }, { name: "Ali", weight: 30 }, { name: "Omar", weight: 30 }, { name: "Hamza", weight: 30 }, { name: "Kacper", weight: 20 },
      { name: "Jakub", weight: 20 }, { name: "Ayaan", weight: 20 }, { name: "Filip", weight: 15 },
    ],
  },
};

export const FAMILY_NAMES: readonly WeightedName[] = [
  { name: "Smith", weight: 1250 }, { name: "Jones", weight: 940 }, { name: "Williams", weight: 640 }, { name: "Brown", weight: 590 }, { name: "Taylor", weight: 580 },
  { name: "Davies", weight: 480 }, { name: "Wilson", weight: 420 }, { name: "Evans", weight: 400 }, { name: "Thomas", weight: 370 }, { name: "Roberts", weight: 340 },
  { name: "Johnson", weight: 330 }, { name: "Wright", weight: 300 }, { name: "Walker", weight: 295 }, { name: "Robinson", weight: 290 }, { name: "Thompson", weight: 290 },
  { name: "White", weight: 290 }, { name: "Edwards", weight: 280 }, { name: "Hughes", weight: 275 }, { name: "Hall", weight: 275 }, { name: "Green", weight: 270 },
  { name: "Wood", weight: 265 }, { name: "Harris", weight: 265 }, { name: "Lewis", weight: 260 }, { name: "Martin", weight: 250 }, { name: "Jackson", weight: 250 },
  { name: "Clarke", weight: 240 }, { name: "Turner", weight: 230 }, { name: "Hill", weight: 230 }, { name: "Cooper", weight: 220 }, { name: "Morris", weight: 220 },
  { name: "Scott", weight: 215 }, { name: "Ward", weight: 215 }, { name: "Moore", weight: 210 }, { name: "King", weight: 210 }, { name: "Watson", weight: 205 },
  { name: "Baker", weight: 205 }, { name: "Clark", weight: 200 }, { name: "Harrison", weight: 200 }, { name: "Morgan", weight: 200 }, { name: "Patel", weight: 190 },
  { name: "Young", weight: 190 }, { name: "Allen", weight: 190 }, { name: "Mitchell", weight: 185 }, { name: "James", weight: 185 }, { name: "Phillips", weight: 180 },
  { name: "Lee", weight: 180 }, { name: "Anderson", weight: 175 }, { name: "Bell", weight: 175 }, { name: "Parker", weight: 175 }, { name: "Davis", weight: 170 },
  { name: "Cook", weight: 165 }, { name: "Price", weight: 160 }, { name: "Shaw", weight: 160 }, { name: "Griffiths", weight: 160 }, { name: "Richardson", weight: 155 },
  { name: "Bailey", weight: 155 }, { name: "Carter", weight: 155 }, { name: "Adams", weight: 150 }, { name: "Collins", weight: 150 }, { name: "Kelly", weight: 150 },
  { name: "Marshall", weight: 150 }, { name: "Khan", weight: 150 }, { name: "Simpson", weight: 145 }, { name: "Chapman", weight: 140 }, { name: "Ellis", weight: 140 },
  { name: "Mason", weight: 140 }, { name: "Singh", weight: 140 }, { name: "Webb", weight: 135 }, { name: "Rogers", weight: 135 }, { name: "Murphy", weight: 130 },
  { name: "Russell", weight: 130 }, { name: "Cox", weight: 130 }, { name: "Lloyd", weight: 130 }, { name: "Gray", weight: 125 }, { name: "Palmer", weight: 125 },
  { name: "Mills", weight: 125 }, { name: "Holmes", weight: 125 }, { name: "Stevens", weight: 120 }, { name: "Hunt", weight: 120 }, { name: "Campbell", weight: 120 },
  { name: "Ali", weight: 120 }, { name: "Ahmed", weight: 115 }, { name: "Rees", weight: 115 }, { name: "Fisher", weight: 115 }, { name: "Butler", weight: 115 },
  { name: "Barnes", weight: 115 }, { name: "Knight", weight: 115 }, { name: "Owen", weight: 110 }, { name: "Graham", weight: 110 }, { name: "Jenkins", weight: 110 },
  { name: "Dixon", weight: 110 }, { name: "Richards", weight: 110 }, { name: "Bennett", weight: 110 }, { name: "Hussain", weight: 110 }, { name: "Fletcher", weight: 105 },
  { name: "Pearson", weight: 105 }, { name: "Howard", weight: 105 }, { name: "Harvey", weight: 105 }, { name: "Stewart", weight: 100 }, { name: "Gibson", weight: 100 },
  { name: "Saunders", weight: 100 }, { name: "Powell", weight: 100 }, { name: "Matthews", weight: 100 }, { name: "Lawrence", weight: 100 }, { name: "Fox", weight: 100 },
  { name: "Ford", weight: 95 }, { name: "Wells", weight: 95 }, { name: "Elliott", weight: 95 }, { name: "Andrews", weight: 95 }, { name: "Wilkinson", weight: 95 },
  { name: "Reid", weight: 90 }, { name: "Armstrong", weight: 90 }, { name: "Barker", weight: 90 }, { name: "Payne", weight: 90 }, { name: "Atkinson", weight: 90 },
  { name: "Murray", weight: 90 }, { name: "Pearce", weight: 90 }, { name: "Hunter", weight: 85 }, { name: "Spencer", weight: 85 }, { name: "Foster", weight: 85 },
  { name: "Begum", weight: 80 }, { name: "Burton", weight: 80 }, { name: "Hudson", weight: 80 }, { name: "West", weight: 80 }, { name: "Day", weight: 80 },
  { name: "Dawson", weight: 80 }, { name: "Hart", weight: 80 }, { name: "Cole", weight: 80 }, { name: "Brooks", weight: 80 }, { name: "Walsh", weight: 80 },
  { name: "Kennedy", weight: 75 }, { name: "Perry", weight: 75 }, { name: "Chambers", weight: 75 }, { name: "Webster", weight: 75 }, { name: "Reynolds", weight: 75 },
  { name: "Riley", weight: 75 }, { name: "Lawson", weight: 70 }, { name: "Holland", weight: 70 }, { name: "Newman", weight: 70 }, { name: "Berry", weight: 70 },
  { name: "Rose", weight: 70 }, { name: "Lane", weight: 70 }, { name: "Porter", weight: 70 }, { name: "Bradley", weight: 70 }, { name: "Stone", weight: 70 },
  { name: "Booth", weight: 70 }, { name: "Watts", weight: 70 }, { name: "Kaur", weight: 70 }, { name: "Tucker", weight: 65 }, { name: "Warren", weight: 65 },
  { name: "Barrett", weight: 65 }, { name: "Page", weight: 65 }, { name: "Moss", weight: 65 }, { name: "Sutton", weight: 65 }, { name: "Hopkins", weight: 65 },
  { name: "Nicholson", weight: 65 }, { name: "Gardner", weight: 65 }, { name: "Hawkins", weight: 65 }, { name: "Gordon", weight: 60 }, { name: "McDonald", weight: 60 },
  { name: "Marsh", weight: 60 }, { name: "Francis", weight: 60 }, { name: "Bird", weight: 60 }, { name: "Hayes", weight: 60 }, { name: "Parsons", weight: 60 },
  { name: "Ball", weight: 60 }, { name: "Lowe", weight: 60 }, { name: "Coleman", weight: 60 }, { name: "Robertson", weight: 60 }, { name: "Rahman", weight: 60 },
  { name: "Mohammed", weight: 60 }, { name: "Griffin", weight: 55 }, { name: "Dean", weight: 55 }, { name: "Burns", weight: 55 }, { name: "Ryan", weight: 55 },
  { name: "O'Brien", weight: 55 }, { name: "Hardy", weight: 55 }, { name: "Walton", weight: 55 }, { name: "Henderson", weight: 55 }, { name: "Newton", weight: 55 },
  { name: "Jennings", weight: 55 }, { name: "Bates", weight: 55 }, { name: "Carr", weight: 55 }, { name: "Stephens", weight: 55 }, { name: "Gregory", weight: 55 },
  { name: "Blake", weight: 50 }, { name: "Wallace", weight: 50 }, { name: "Burgess", weight: 50 }, { name: "Curtis", weight: 50 }, { name: "Bishop", weight: 50 },
  { name: "Shah", weight: 50 }, { name: "Miah", weight: 50 }, { name: "Uddin", weight: 50 }, { name: "Baxter", weight: 45 }, { name: "Cunningham", weight: 45 },
  { name: "Lucas", weight: 45 }, { name: "Yates", weight: 45 }, { name: "Hodgson", weight: 45 }, { name: "Mann", weight: 45 }, { name: "Ross", weight: 45 },
  { name: "Hamilton", weight: 45 }, { name: "O'Neill", weight: 45 }, { name: "Akhtar", weight: 45 }, { name: "Islam", weight: 45 }, { name: "Iqbal", weight: 45 },
  { name: "Kumar", weight: 45 }, { name: "Doyle", weight: 45 }, { name: "Charles", weight: 40 }, { name: "Thomson", weight: 40 }, { name: "Byrne", weight: 40 },
  { name: "Lynch", weight: 40 }, { name: "Quinn", weight: 40 }, { name: "O'Connor", weight: 40 }, { name: "McCarthy", weight: 40 }, { name: "Mahmood", weight: 40 },
  { name: "Mohamed", weight: 40 }, { name: "Gill", weight: 40 }, { name: "Fraser", weight: 35 }, { name: "Cameron", weight: 35 }, { name: "Hassan", weight: 35 },
  { name: "Brady", weight: 30 }, { name: "Duncan", weight: 30 }, { name: "Sharma", weight: 30 }, { name: "O'Sullivan", weight: 30 }, { name: "Flynn", weight: 25 },
  { name: "Gallagher", weight: 25 }, { name: "Doherty", weight: 25 }, { name: "Wong", weight: 25 }, { name: "Li", weight: 25 }, { name: "O'Reilly", weight: 25 },
  { name: "Brennan", weight: 20 }, { name: "Chen", weight: 20 }, { name: "Wang", weight: 20 }, { name: "Ibrahim", weight: 20 }, { name: "Sandhu", weight: 20 },
  { name: "Parmar", weight: 20 }, { name: "Mistry", weight: 20 }, { name: "O'Donnell", weight: 20 }, { name: "Abdi", weight: 15 }, { name: "Zhang", weight: 15 },
  { name: "Nguyen", weight: 15 }, { name: "Chauhan", weight: 15 }, { name: "D'Souza", weight: 12 }, { name: "Nowak", weight: 12 }, { name: "Mensah", weight: 10 },
  { name: "Mohamud", weight: 10 }, { name: "Osei", weight: 8 }, { name: "Boateng", weight: 8 }, { name: "Kowalski", weight: 6 }, { name: "Adeyemi", weight: 6 },
  { name: "Adebayo", weight: 6 }, { name: "Asante", weight: 6 }, { name: "Okafor", weight: 5 }, { name: "Wisniewski", weight: 5 }, { name: "Lewandowski", weight: 4 },
  { name: "Kaminski", weight: 4 }, { name: "Okonkwo", weight: 4 }, { name: "Lloyd-Jones", weight: 4 }, { name: "Smith-Jones", weight: 2 }, { name: "Owen-Jones", weight: 2 },
];

/** The era a birth year belongs to (years before 1955 count as the first era, after 2020 as the last). */
export function birthEra(year: number): BirthEra {
  if (year < 1975) return "1955-1974";
  if (year < 1990) return "1975-1989";
  if (year < 2005) return "1990-2004";
  return "2005-2020";
}
