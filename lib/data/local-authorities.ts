/**
 * English upper-tier local authorities as they stood in the 2019/20 financial year
 * (1 April 2019 - 31 March 2020): after the April 2019 Dorset reorganisation
 * (Bournemouth, Poole, Christchurch -> E06000058; Dorset County + its districts ->
 * E06000059) and before Buckinghamshire became a unitary (E06000060, April 2020) and
 * before Northamptonshire's 2021 split. 151 authorities:
 *   E09 London boroughs (incl. City of London)        33
 *   E08 metropolitan districts                         36
 *   E06 unitary authorities (incl. Isles of Scilly)    56
 *   E10 non-metropolitan (shire) counties              26
 * (E06 codes E06000028 Bournemouth, E06000029 Poole and E06000048 (pre-2013
 * Northumberland) were retired, so E06000001..E06000059 gives 56 live codes;
 * E08000020 (pre-2013 Gateshead) likewise gives 36 E08 codes.)
 *
 * Fields:
 * - code: ONS GSS code of the upper-tier authority (UTLA19CD; E06/E08/E09/E10).
 * - name: ONS short name as published in ONS geography products (UTLA19NM), e.g.
 *   "Bristol, City of", "Kingston upon Hull, City of", "St. Helens".
 * - regionCode / regionName: ONS region (E12, RGN19CD / RGN19NM) containing the authority.
 * - dfeNumber: 3-digit DfE local authority number (the "old LA code" used in Unique
 *   Pupil Numbers, the National Pupil Database and Get Information About Schools).
 *   839 Bournemouth, Christchurch and Poole and 838 Dorset were issued in 2019,
 *   replacing 837 Bournemouth, 836 Poole and 835 Dorset County.
 * - population: approximate usual resident population, ONS mid-2019 population
 *   estimates (MYE 2019), rounded to the nearest 1,000 (nearest 100 for the two
 *   authorities under 20,000: City of London and Isles of Scilly). Indicative only.
 * - postcodeAreas: one to three Royal Mail postcode areas (letter prefixes) that
 *   mainly cover the authority. Approximate: postcode areas do not follow local
 *   authority boundaries, so this is a convenience hint, not a lookup.
 *
 * Sources: ONS Register of Geographic Codes / UTLA 2019 names and codes; DfE LA
 * number list ("old LA code" to "new LA code"); ONS mid-2019 population estimates.
 * Codes, regions and DfE numbers were cross-checked against the public lookups
 * mysociety/uk_local_authority_names_and_codes (uk_local_authorities_current.csv)
 * and l-hodge/ukgeog (data-raw/lea_codes.txt, UTLA19CD -> LEA19CD for 838/839).
 */
export interface LocalAuthorityRecord {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly dfeNumber: number;
  readonly population: number;
  readonly postcodeAreas: readonly string[];
}

export const LOCAL_AUTHORITIES: readonly LocalAuthorityRecord[] = [
  { code: "E06000001", name: "Hartlepool", regionCode: "E12000001", regionName: "North East", dfeNumber: 805, population: 94000, postcodeAreas: ["TS"] },
  { code: "E06000002", name: "Middlesbrough", regionCode: "E12000001", regionName: "North East", dfeNumber: 806, population: 141000, postcodeAreas: ["TS"] },
  { code: "E06000003", name: "Redcar and Cleveland", regionCode: "E12000001", regionName: "North East", dfeNumber: 807, population: 137000, postcodeAreas: ["TS"] },
  { code: "E06000004", name: "Stockton-on-Tees", regionCode: "E12000001", regionName: "North East", dfeNumber: 808, population: 197000, postcodeAreas: ["TS"] },
  { code: "E06000005", name: "Darlington", regionCode: "E12000001", regionName: "North East", dfeNumber: 841, population: 107000, postcodeAreas: ["DL"] },
  { code: "E06000006", name: "Halton", regionCode: "E12000002", regionName: "North West", dfeNumber: 876, population: 129000, postcodeAreas: ["WA"] },
  { code: "E06000007", name: "Warrington", regionCode: "E12000002", regionName: "North West", dfeNumber: 877, population: 210000, postcodeAreas: ["WA"] },
  { code: "E06000008", name: "Blackburn with Darwen", regionCode: "E12000002", regionName: "North West", dfeNumber: 889, population: 150000, postcodeAreas: ["BB"] },
  { code: "E06000009", name: "Blackpool", regionCode: "E12000002", regionName: "North West", dfeNumber: 890, population: 139000, postcodeAreas: ["FY"] },
  { code: "E06000010", name: "Kingston upon Hull, City of", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 810, population: 260000, postcodeAreas: ["HU"] },
  { code: "E06000011", name: "East Riding of Yorkshire", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 811, population: 341000, postcodeAreas: ["HU", "YO", "DN"] },
  { code: "E06000012", name: "North East Lincolnshire", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 812, population: 160000, postcodeAreas: ["DN"] },
  { code: "E06000013", name: "North Lincolnshire", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 813, population: 172000, postcodeAreas: ["DN"] },
  { code: "E06000014", name: "York", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 816, population: 211000, postcodeAreas: ["YO"] },
  { code: "E06000015", name: "Derby", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 831, population: 257000, postcodeAreas: ["DE"] },
  { code: "E06000016", name: "Leicester", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 856, population: 354000, postcodeAreas: ["LE"] },
  { code: "E06000017", name: "Rutland", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 857, population: 40000, postcodeAreas: ["LE", "PE"] },
  { code: "E06000018", name: "Nottingham", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 892, population: 333000, postcodeAreas: ["NG"] },
  { code: "E06000019", name: "Herefordshire, County of", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 884, population: 193000, postcodeAreas: ["HR"] },
  { code: "E06000020", name: "Telford and Wrekin", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 894, population: 180000, postcodeAreas: ["TF"] },
  { code: "E06000021", name: "Stoke-on-Trent", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 861, population: 256000, postcodeAreas: ["ST"] },
  { code: "E06000022", name: "Bath and North East Somerset", regionCode: "E12000009", regionName: "South West", dfeNumber: 800, population: 193000, postcodeAreas: ["BA", "BS"] },
  { code: "E06000023", name: "Bristol, City of", regionCode: "E12000009", regionName: "South West", dfeNumber: 801, population: 463000, postcodeAreas: ["BS"] },
  { code: "E06000024", name: "North Somerset", regionCode: "E12000009", regionName: "South West", dfeNumber: 802, population: 215000, postcodeAreas: ["BS"] },
  { code: "E06000025", name: "South Gloucestershire", regionCode: "E12000009", regionName: "South West", dfeNumber: 803, population: 285000, postcodeAreas: ["BS"] },
  { code: "E06000026", name: "Plymouth", regionCode: "E12000009", regionName: "South West", dfeNumber: 879, population: 263000, postcodeAreas: ["PL"] },
  { code: "E06000027", name: "Torbay", regionCode: "E12000009", regionName: "South West", dfeNumber: 880, population: 136000, postcodeAreas: ["TQ"] },
  { code: "E06000030", name: "Swindon", regionCode: "E12000009", regionName: "South West", dfeNumber: 866, population: 222000, postcodeAreas: ["SN"] },
  { code: "E06000031", name: "Peterborough", regionCode: "E12000006", regionName: "East of England", dfeNumber: 874, population: 202000, postcodeAreas: ["PE"] },
  { code: "E06000032", name: "Luton", regionCode: "E12000006", regionName: "East of England", dfeNumber: 821, population: 214000, postcodeAreas: ["LU"] },
  { code: "E06000033", name: "Southend-on-Sea", regionCode: "E12000006", regionName: "East of England", dfeNumber: 882, population: 183000, postcodeAreas: ["SS"] },
  { code: "E06000034", name: "Thurrock", regionCode: "E12000006", regionName: "East of England", dfeNumber: 883, population: 174000, postcodeAreas: ["RM", "SS"] },
  { code: "E06000035", name: "Medway", regionCode: "E12000008", regionName: "South East", dfeNumber: 887, population: 279000, postcodeAreas: ["ME"] },
  { code: "E06000036", name: "Bracknell Forest", regionCode: "E12000008", regionName: "South East", dfeNumber: 867, population: 125000, postcodeAreas: ["RG"] },
  { code: "E06000037", name: "West Berkshire", regionCode: "E12000008", regionName: "South East", dfeNumber: 869, population: 158000, postcodeAreas: ["RG"] },
  { code: "E06000038", name: "Reading", regionCode: "E12000008", regionName: "South East", dfeNumber: 870, population: 163000, postcodeAreas: ["RG"] },
  { code: "E06000039", name: "Slough", regionCode: "E12000008", regionName: "South East", dfeNumber: 871, population: 150000, postcodeAreas: ["SL"] },
  { code: "E06000040", name: "Windsor and Maidenhead", regionCode: "E12000008", regionName: "South East", dfeNumber: 868, population: 151000, postcodeAreas: ["SL"] },
  { code: "E06000041", name: "Wokingham", regionCode: "E12000008", regionName: "South East", dfeNumber: 872, population: 171000, postcodeAreas: ["RG"] },
  { code: "E06000042", name: "Milton Keynes", regionCode: "E12000008", regionName: "South East", dfeNumber: 826, population: 269000, postcodeAreas: ["MK"] },
  { code: "E06000043", name: "Brighton and Hove", regionCode: "E12000008", regionName: "South East", dfeNumber: 846, population: 290000, postcodeAreas: ["BN"] },
  { code: "E06000044", name: "Portsmouth", regionCode: "E12000008", regionName: "South East", dfeNumber: 851, population: 215000, postcodeAreas: ["PO"] },
  { code: "E06000045", name: "Southampton", regionCode: "E12000008", regionName: "South East", dfeNumber: 852, population: 253000, postcodeAreas: ["SO"] },
  { code: "E06000046", name: "Isle of Wight", regionCode: "E12000008", regionName: "South East", dfeNumber: 921, population: 142000, postcodeAreas: ["PO"] },
  { code: "E06000047", name: "County Durham", regionCode: "E12000001", regionName: "North East", dfeNumber: 840, population: 530000, postcodeAreas: ["DH", "DL"] },
  { code: "E06000049", name: "Cheshire East", regionCode: "E12000002", regionName: "North West", dfeNumber: 895, population: 384000, postcodeAreas: ["CW", "SK"] },
  { code: "E06000050", name: "Cheshire West and Chester", regionCode: "E12000002", regionName: "North West", dfeNumber: 896, population: 343000, postcodeAreas: ["CH", "CW"] },
  { code: "E06000051", name: "Shropshire", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 893, population: 323000, postcodeAreas: ["SY", "TF"] },
  { code: "E06000052", name: "Cornwall", regionCode: "E12000009", regionName: "South West", dfeNumber: 908, population: 570000, postcodeAreas: ["TR", "PL"] },
  { code: "E06000053", name: "Isles of Scilly", regionCode: "E12000009", regionName: "South West", dfeNumber: 420, population: 2200, postcodeAreas: ["TR"] },
  { code: "E06000054", name: "Wiltshire", regionCode: "E12000009", regionName: "South West", dfeNumber: 865, population: 500000, postcodeAreas: ["SN", "SP", "BA"] },
  { code: "E06000055", name: "Bedford", regionCode: "E12000006", regionName: "East of England", dfeNumber: 822, population: 173000, postcodeAreas: ["MK"] },
  { code: "E06000056", name: "Central Bedfordshire", regionCode: "E12000006", regionName: "East of England", dfeNumber: 823, population: 289000, postcodeAreas: ["LU", "SG", "MK"] },
  { code: "E06000057", name: "Northumberland", regionCode: "E12000001", regionName: "North East", dfeNumber: 929, population: 322000, postcodeAreas: ["NE", "TD"] },
  { code: "E06000058", name: "Bournemouth, Christchurch and Poole", regionCode: "E12000009", regionName: "South West", dfeNumber: 839, population: 396000, postcodeAreas: ["BH"] },
  { code: "E06000059", name: "Dorset", regionCode: "E12000009", regionName: "South West", dfeNumber: 838, population: 379000, postcodeAreas: ["DT", "BH", "SP"] },
  { code: "E08000001", name: "Bolton", regionCode: "E12000002", regionName: "North West", dfeNumber: 350, population: 288000, postcodeAreas: ["BL"] },
  { code: "E08000002", name: "Bury", regionCode: "E12000002", regionName: "North West", dfeNumber: 351, population: 191000, postcodeAreas: ["BL"] },
  { code: "E08000003", name: "Manchester", regionCode: "E12000002", regionName: "North West", dfeNumber: 352, population: 553000, postcodeAreas: ["M"] },
  { code: "E08000004", name: "Oldham", regionCode: "E12000002", regionName: "North West", dfeNumber: 353, population: 237000, postcodeAreas: ["OL"] },
  { code: "E08000005", name: "Rochdale", regionCode: "E12000002", regionName: "North West", dfeNumber: 354, population: 222000, postcodeAreas: ["OL"] },
  { code: "E08000006", name: "Salford", regionCode: "E12000002", regionName: "North West", dfeNumber: 355, population: 259000, postcodeAreas: ["M"] },
  { code: "E08000007", name: "Stockport", regionCode: "E12000002", regionName: "North West", dfeNumber: 356, population: 293000, postcodeAreas: ["SK"] },
  { code: "E08000008", name: "Tameside", regionCode: "E12000002", regionName: "North West", dfeNumber: 357, population: 226000, postcodeAreas: ["OL", "SK"] },
  { code: "E08000009", name: "Trafford", regionCode: "E12000002", regionName: "North West", dfeNumber: 358, population: 237000, postcodeAreas: ["M", "WA"] },
  { code: "E08000010", name: "Wigan", regionCode: "E12000002", regionName: "North West", dfeNumber: 359, population: 329000, postcodeAreas: ["WN"] },
  { code: "E08000011", name: "Knowsley", regionCode: "E12000002", regionName: "North West", dfeNumber: 340, population: 151000, postcodeAreas: ["L"] },
  { code: "E08000012", name: "Liverpool", regionCode: "E12000002", regionName: "North West", dfeNumber: 341, population: 498000, postcodeAreas: ["L"] },
  { code: "E08000013", name: "St. Helens", regionCode: "E12000002", regionName: "North West", dfeNumber: 342, population: 181000, postcodeAreas: ["WA"] },
  { code: "E08000014", name: "Sefton", regionCode: "E12000002", regionName: "North West", dfeNumber: 343, population: 276000, postcodeAreas: ["L", "PR"] },
  { code: "E08000015", name: "Wirral", regionCode: "E12000002", regionName: "North West", dfeNumber: 344, population: 324000, postcodeAreas: ["CH"] },
  { code: "E08000016", name: "Barnsley", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 370, population: 247000, postcodeAreas: ["S"] },
  { code: "E08000017", name: "Doncaster", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 371, population: 312000, postcodeAreas: ["DN"] },
  { code: "E08000018", name: "Rotherham", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 372, population: 265000, postcodeAreas: ["S"] },
  { code: "E08000019", name: "Sheffield", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 373, population: 585000, postcodeAreas: ["S"] },
  { code: "E08000021", name: "Newcastle upon Tyne", regionCode: "E12000001", regionName: "North East", dfeNumber: 391, population: 303000, postcodeAreas: ["NE"] },
  { code: "E08000022", name: "North Tyneside", regionCode: "E12000001", regionName: "North East", dfeNumber: 392, population: 208000, postcodeAreas: ["NE"] },
  { code: "E08000023", name: "South Tyneside", regionCode: "E12000001", regionName: "North East", dfeNumber: 393, population: 151000, postcodeAreas: ["NE"] },
  { code: "E08000024", name: "Sunderland", regionCode: "E12000001", regionName: "North East", dfeNumber: 394, population: 278000, postcodeAreas: ["SR"] },
  { code: "E08000025", name: "Birmingham", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 330, population: 1142000, postcodeAreas: ["B"] },
  { code: "E08000026", name: "Coventry", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 331, population: 372000, postcodeAreas: ["CV"] },
  { code: "E08000027", name: "Dudley", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 332, population: 322000, postcodeAreas: ["DY"] },
  { code: "E08000028", name: "Sandwell", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 333, population: 328000, postcodeAreas: ["B"] },
  { code: "E08000029", name: "Solihull", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 334, population: 216000, postcodeAreas: ["B"] },
  { code: "E08000030", name: "Walsall", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 335, population: 285000, postcodeAreas: ["WS"] },
  { code: "E08000031", name: "Wolverhampton", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 336, population: 263000, postcodeAreas: ["WV"] },
  { code: "E08000032", name: "Bradford", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 380, population: 540000, postcodeAreas: ["BD"] },
  { code: "E08000033", name: "Calderdale", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 381, population: 211000, postcodeAreas: ["HX"] },
  { code: "E08000034", name: "Kirklees", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 382, population: 440000, postcodeAreas: ["HD", "WF"] },
  { code: "E08000035", name: "Leeds", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 383, population: 793000, postcodeAreas: ["LS"] },
  { code: "E08000036", name: "Wakefield", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 384, population: 348000, postcodeAreas: ["WF"] },
  { code: "E08000037", name: "Gateshead", regionCode: "E12000001", regionName: "North East", dfeNumber: 390, population: 202000, postcodeAreas: ["NE"] },
  { code: "E09000001", name: "City of London", regionCode: "E12000007", regionName: "London", dfeNumber: 201, population: 9700, postcodeAreas: ["EC"] },
  { code: "E09000002", name: "Barking and Dagenham", regionCode: "E12000007", regionName: "London", dfeNumber: 301, population: 213000, postcodeAreas: ["RM", "IG"] },
  { code: "E09000003", name: "Barnet", regionCode: "E12000007", regionName: "London", dfeNumber: 302, population: 396000, postcodeAreas: ["N", "NW", "EN"] },
  { code: "E09000004", name: "Bexley", regionCode: "E12000007", regionName: "London", dfeNumber: 303, population: 248000, postcodeAreas: ["DA", "SE"] },
  { code: "E09000005", name: "Brent", regionCode: "E12000007", regionName: "London", dfeNumber: 304, population: 330000, postcodeAreas: ["NW", "HA"] },
  { code: "E09000006", name: "Bromley", regionCode: "E12000007", regionName: "London", dfeNumber: 305, population: 332000, postcodeAreas: ["BR"] },
  { code: "E09000007", name: "Camden", regionCode: "E12000007", regionName: "London", dfeNumber: 202, population: 270000, postcodeAreas: ["NW", "WC"] },
  { code: "E09000008", name: "Croydon", regionCode: "E12000007", regionName: "London", dfeNumber: 306, population: 387000, postcodeAreas: ["CR"] },
  { code: "E09000009", name: "Ealing", regionCode: "E12000007", regionName: "London", dfeNumber: 307, population: 342000, postcodeAreas: ["W", "UB"] },
  { code: "E09000010", name: "Enfield", regionCode: "E12000007", regionName: "London", dfeNumber: 308, population: 334000, postcodeAreas: ["EN", "N"] },
  { code: "E09000011", name: "Greenwich", regionCode: "E12000007", regionName: "London", dfeNumber: 203, population: 288000, postcodeAreas: ["SE"] },
  { code: "E09000012", name: "Hackney", regionCode: "E12000007", regionName: "London", dfeNumber: 204, population: 281000, postcodeAreas: ["E", "N"] },
  { code: "E09000013", name: "Hammersmith and Fulham", regionCode: "E12000007", regionName: "London", dfeNumber: 205, population: 185000, postcodeAreas: ["W", "SW"] },
  { code: "E09000014", name: "Haringey", regionCode: "E12000007", regionName: "London", dfeNumber: 309, population: 269000, postcodeAreas: ["N"] },
  { code: "E09000015", name: "Harrow", regionCode: "E12000007", regionName: "London", dfeNumber: 310, population: 251000, postcodeAreas: ["HA"] },
  { code: "E09000016", name: "Havering", regionCode: "E12000007", regionName: "London", dfeNumber: 311, population: 260000, postcodeAreas: ["RM"] },
  { code: "E09000017", name: "Hillingdon", regionCode: "E12000007", regionName: "London", dfeNumber: 312, population: 307000, postcodeAreas: ["UB", "HA"] },
  { code: "E09000018", name: "Hounslow", regionCode: "E12000007", regionName: "London", dfeNumber: 313, population: 272000, postcodeAreas: ["TW"] },
  { code: "E09000019", name: "Islington", regionCode: "E12000007", regionName: "London", dfeNumber: 206, population: 242000, postcodeAreas: ["N", "EC"] },
  { code: "E09000020", name: "Kensington and Chelsea", regionCode: "E12000007", regionName: "London", dfeNumber: 207, population: 156000, postcodeAreas: ["W", "SW"] },
  { code: "E09000021", name: "Kingston upon Thames", regionCode: "E12000007", regionName: "London", dfeNumber: 314, population: 178000, postcodeAreas: ["KT"] },
  { code: "E09000022", name: "Lambeth", regionCode: "E12000007", regionName: "London", dfeNumber: 208, population: 326000, postcodeAreas: ["SW", "SE"] },
  { code: "E09000023", name: "Lewisham", regionCode: "E12000007", regionName: "London", dfeNumber: 209, population: 306000, postcodeAreas: ["SE"] },
  { code: "E09000024", name: "Merton", regionCode: "E12000007", regionName: "London", dfeNumber: 315, population: 207000, postcodeAreas: ["SW", "CR"] },
  { code: "E09000025", name: "Newham", regionCode: "E12000007", regionName: "London", dfeNumber: 316, population: 353000, postcodeAreas: ["E"] },
  { code: "E09000026", name: "Redbridge", regionCode: "E12000007", regionName: "London", dfeNumber: 317, population: 305000, postcodeAreas: ["IG", "E"] },
  { code: "E09000027", name: "Richmond upon Thames", regionCode: "E12000007", regionName: "London", dfeNumber: 318, population: 198000, postcodeAreas: ["TW", "SW"] },
  { code: "E09000028", name: "Southwark", regionCode: "E12000007", regionName: "London", dfeNumber: 210, population: 319000, postcodeAreas: ["SE"] },
  { code: "E09000029", name: "Sutton", regionCode: "E12000007", regionName: "London", dfeNumber: 319, population: 206000, postcodeAreas: ["SM"] },
  { code: "E09000030", name: "Tower Hamlets", regionCode: "E12000007", regionName: "London", dfeNumber: 211, population: 325000, postcodeAreas: ["E"] },
  { code: "E09000031", name: "Waltham Forest", regionCode: "E12000007", regionName: "London", dfeNumber: 320, population: 277000, postcodeAreas: ["E"] },
  { code: "E09000032", name: "Wandsworth", regionCode: "E12000007", regionName: "London", dfeNumber: 212, population: 330000, postcodeAreas: ["SW"] },
  { code: "E09000033", name: "Westminster", regionCode: "E12000007", regionName: "London", dfeNumber: 213, population: 261000, postcodeAreas: ["W", "SW", "NW"] },
  { code: "E10000002", name: "Buckinghamshire", regionCode: "E12000008", regionName: "South East", dfeNumber: 825, population: 544000, postcodeAreas: ["HP", "MK", "SL"] },
  { code: "E10000003", name: "Cambridgeshire", regionCode: "E12000006", regionName: "East of England", dfeNumber: 873, population: 654000, postcodeAreas: ["CB", "PE"] },
  { code: "E10000006", name: "Cumbria", regionCode: "E12000002", regionName: "North West", dfeNumber: 909, population: 500000, postcodeAreas: ["CA", "LA"] },
  { code: "E10000007", name: "Derbyshire", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 830, population: 803000, postcodeAreas: ["DE", "S", "SK"] },
  { code: "E10000008", name: "Devon", regionCode: "E12000009", regionName: "South West", dfeNumber: 878, population: 802000, postcodeAreas: ["EX", "TQ", "PL"] },
  { code: "E10000011", name: "East Sussex", regionCode: "E12000008", regionName: "South East", dfeNumber: 845, population: 559000, postcodeAreas: ["BN", "TN"] },
  { code: "E10000012", name: "Essex", regionCode: "E12000006", regionName: "East of England", dfeNumber: 881, population: 1489000, postcodeAreas: ["CM", "CO", "SS"] },
  { code: "E10000013", name: "Gloucestershire", regionCode: "E12000009", regionName: "South West", dfeNumber: 916, population: 637000, postcodeAreas: ["GL"] },
  { code: "E10000014", name: "Hampshire", regionCode: "E12000008", regionName: "South East", dfeNumber: 850, population: 1376000, postcodeAreas: ["SO", "PO", "GU"] },
  { code: "E10000015", name: "Hertfordshire", regionCode: "E12000006", regionName: "East of England", dfeNumber: 919, population: 1184000, postcodeAreas: ["AL", "SG", "WD"] },
  { code: "E10000016", name: "Kent", regionCode: "E12000008", regionName: "South East", dfeNumber: 886, population: 1582000, postcodeAreas: ["ME", "CT", "TN"] },
  { code: "E10000017", name: "Lancashire", regionCode: "E12000002", regionName: "North West", dfeNumber: 888, population: 1210000, postcodeAreas: ["PR", "BB", "LA"] },
  { code: "E10000018", name: "Leicestershire", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 855, population: 706000, postcodeAreas: ["LE"] },
  { code: "E10000019", name: "Lincolnshire", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 925, population: 761000, postcodeAreas: ["LN", "PE", "NG"] },
  { code: "E10000020", name: "Norfolk", regionCode: "E12000006", regionName: "East of England", dfeNumber: 926, population: 908000, postcodeAreas: ["NR", "PE", "IP"] },
  { code: "E10000021", name: "Northamptonshire", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 928, population: 753000, postcodeAreas: ["NN"] },
  { code: "E10000023", name: "North Yorkshire", regionCode: "E12000003", regionName: "Yorkshire and The Humber", dfeNumber: 815, population: 618000, postcodeAreas: ["YO", "HG", "DL"] },
  { code: "E10000024", name: "Nottinghamshire", regionCode: "E12000004", regionName: "East Midlands", dfeNumber: 891, population: 828000, postcodeAreas: ["NG"] },
  { code: "E10000025", name: "Oxfordshire", regionCode: "E12000008", regionName: "South East", dfeNumber: 931, population: 692000, postcodeAreas: ["OX"] },
  { code: "E10000027", name: "Somerset", regionCode: "E12000009", regionName: "South West", dfeNumber: 933, population: 562000, postcodeAreas: ["BA", "TA"] },
  { code: "E10000028", name: "Staffordshire", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 860, population: 880000, postcodeAreas: ["ST", "WS", "DE"] },
  { code: "E10000029", name: "Suffolk", regionCode: "E12000006", regionName: "East of England", dfeNumber: 935, population: 761000, postcodeAreas: ["IP", "CB", "NR"] },
  { code: "E10000030", name: "Surrey", regionCode: "E12000008", regionName: "South East", dfeNumber: 936, population: 1196000, postcodeAreas: ["GU", "KT", "RH"] },
  { code: "E10000031", name: "Warwickshire", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 937, population: 578000, postcodeAreas: ["CV", "B"] },
  { code: "E10000032", name: "West Sussex", regionCode: "E12000008", regionName: "South East", dfeNumber: 938, population: 859000, postcodeAreas: ["RH", "BN", "PO"] },
  { code: "E10000034", name: "Worcestershire", regionCode: "E12000005", regionName: "West Midlands", dfeNumber: 885, population: 596000, postcodeAreas: ["WR", "DY", "B"] },
];

/** The nine ONS regions of England, by code, in code order. */
export const REGION_NAMES: ReadonlyMap<string, string> = new Map(
  [...new Map(LOCAL_AUTHORITIES.map((la) => [la.regionCode, la.regionName]))].sort(([a], [b]) => a.localeCompare(b)),
);

/** Every authority code, for validating filters and tokens without a database round trip. */
export const LOCAL_AUTHORITY_CODES: ReadonlySet<string> = new Set(LOCAL_AUTHORITIES.map((la) => la.code));
