/**
 * The sample distributor's catalog and the shape of its customer base: categories → product
 * lines → variants (so product-line gaps mean something), premium alternatives (for upsell),
 * industries with the categories they lean on (so affinity and competitor displacement mean
 * something), and seasonality. Plain data; generate.ts turns it into rows.
 */

export const CATEGORIES = [
  "Cable Ties",
  "Fixings",
  "Hand Tools",
  "Electrical",
  "Safety & PPE",
  "Power Tools",
  "Consumables",
  "Storage",
  "Lighting",
  "Test Equipment",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LinePlan {
  line: string;
  /** Variant names and list prices (£). */
  variants: [string, number][];
  /** A premium line whose variants are the premium alternatives of this line's, variant by variant. */
  premium?: { line: string; uplift: number };
}

/** SKU prefix and product lines per category. */
export const CATALOG_PLAN: Record<Category, { prefix: string; lines: LinePlan[] }> = {
  "Cable Ties": {
    prefix: "CT",
    lines: [
      {
        line: "Nylon Cable Ties (100)",
        variants: [
          ["100mm Black", 2.1],
          ["100mm Natural", 2.1],
          ["200mm Black", 3.4],
          ["200mm Natural", 3.4],
          ["300mm Black", 4.9],
          ["300mm Natural", 4.9],
        ],
        premium: { line: "UV Stabilised Cable Ties (100)", uplift: 1.45 },
      },
      {
        line: "Releasable Cable Ties (100)",
        variants: [
          ["200mm Black", 6.2],
          ["300mm Black", 8.4],
        ],
      },
      {
        line: "Stainless Steel Cable Ties (100)",
        variants: [
          ["200mm", 14.5],
          ["360mm", 21.9],
        ],
      },
      {
        line: "Cable Tie Accessories",
        variants: [
          ["Adhesive Mounts 19mm (100)", 7.5],
          ["Tensioning Tool", 32.0],
        ],
      },
    ],
  },
  Fixings: {
    prefix: "FX",
    lines: [
      {
        line: "Wood Screws (200)",
        variants: [
          ["4.0x30", 6.8],
          ["4.0x40", 7.6],
          ["5.0x50", 9.2],
          ["5.0x70", 11.4],
        ],
        premium: { line: "Premium Coated Wood Screws (200)", uplift: 1.35 },
      },
      {
        line: "Wall Plugs (100)",
        variants: [
          ["Red 6mm", 2.4],
          ["Brown 7mm", 2.6],
          ["Blue 10mm", 3.8],
        ],
      },
      {
        line: "Anchor Bolts (10)",
        variants: [
          ["M8x65", 8.9],
          ["M10x80", 11.5],
          ["M12x100", 15.8],
        ],
      },
      {
        line: "Plasterboard Fixings (50)",
        variants: [
          ["Spring Toggle", 9.8],
          ["Metal Cavity", 12.6],
        ],
      },
    ],
  },
  "Hand Tools": {
    prefix: "HT",
    lines: [
      {
        line: "Screwdrivers",
        variants: [
          ["VDE Set 6pc", 24.5],
          ["Pozi Set 5pc", 14.9],
          ["Stubby Set 4pc", 9.9],
        ],
        premium: { line: "Pro Screwdrivers", uplift: 1.6 },
      },
      {
        line: "Pliers",
        variants: [
          ["Combination 200mm", 12.5],
          ["Long Nose 200mm", 12.9],
          ["Side Cutters 160mm", 13.4],
        ],
      },
      {
        line: "Hammers",
        variants: [
          ["Claw 16oz", 14.2],
          ["Club 2.5lb", 11.8],
        ],
      },
      {
        line: "Tape Measures",
        variants: [
          ["5m", 8.5],
          ["8m", 11.2],
        ],
      },
    ],
  },
  Electrical: {
    prefix: "EL",
    lines: [
      {
        line: "Insulation Tape",
        variants: [
          ["Black 19mm x 33m", 1.9],
          ["Mixed Colours 10 Pack", 8.4],
        ],
      },
      {
        line: "Lever Connectors (50)",
        variants: [
          ["2-Way", 11.9],
          ["3-Way", 14.5],
          ["5-Way", 19.8],
        ],
        premium: { line: "Inline Lever Connectors (50)", uplift: 1.4 },
      },
      {
        line: "Junction Boxes",
        variants: [
          ["20A 4-Terminal", 2.9],
          ["30A 3-Terminal", 3.4],
        ],
      },
      {
        line: "Cable Glands (10)",
        variants: [
          ["20mm", 6.5],
          ["25mm", 7.9],
        ],
      },
    ],
  },
  "Safety & PPE": {
    prefix: "PP",
    lines: [
      {
        line: "Nitrile Gloves (pair)",
        variants: [
          ["Size M", 2.2],
          ["Size L", 2.2],
          ["Size XL", 2.3],
        ],
        premium: { line: "Cut Resistant Gloves (pair)", uplift: 2.4 },
      },
      {
        line: "Eye Protection",
        variants: [
          ["Clear Safety Specs", 2.9],
          ["Safety Goggles", 5.4],
        ],
      },
      {
        line: "Hi-Vis",
        variants: [
          ["Vest L", 2.8],
          ["Vest XL", 2.8],
          ["Jacket L", 18.5],
          ["Jacket XL", 18.5],
        ],
      },
      {
        line: "Head & Hearing",
        variants: [
          ["Hard Hat White", 6.9],
          ["Ear Defenders", 9.5],
        ],
      },
    ],
  },
  "Power Tools": {
    prefix: "PT",
    lines: [
      {
        line: "Cordless Drills 18V",
        variants: [
          ["Combi Drill Body", 99],
          ["Impact Driver Body", 89],
        ],
        premium: { line: "Brushless Drills 18V", uplift: 1.5 },
      },
      {
        line: "Angle Grinders",
        variants: [
          ["115mm 750W", 49],
          ["125mm 1000W", 69],
        ],
      },
      {
        line: "Drill Bits",
        variants: [
          ["HSS Set 19pc", 18.5],
          ["SDS Set 5pc", 16.9],
          ["Masonry Set 5pc", 9.9],
        ],
      },
      {
        line: "Batteries 18V",
        variants: [
          ["2.0Ah", 45],
          ["5.0Ah", 79],
        ],
      },
    ],
  },
  Consumables: {
    prefix: "CS",
    lines: [
      {
        line: "Silicone Sealant 310ml",
        variants: [
          ["Clear", 4.6],
          ["White", 4.6],
          ["Brown", 4.9],
        ],
        premium: { line: "Hybrid Polymer Sealant 290ml", uplift: 1.7 },
      },
      {
        line: "Adhesives",
        variants: [
          ["Grab Adhesive 290ml", 5.8],
          ["Super Glue 20g", 3.2],
        ],
      },
      {
        line: "Cleaning",
        variants: [
          ["Trade Wipes (100)", 7.9],
          ["Degreaser 5L", 14.5],
        ],
      },
      {
        line: "Abrasive Discs (10)",
        variants: [
          ["Cutting 115mm", 8.9],
          ["Flap 115mm", 12.4],
        ],
      },
    ],
  },
  Storage: {
    prefix: "ST",
    lines: [
      {
        line: "Organisers",
        variants: [
          ["Small 10 Compartment", 12.5],
          ["Large 20 Compartment", 19.9],
        ],
      },
      {
        line: "Tool Boxes",
        variants: [
          ["19in", 16.9],
          ["26in", 24.9],
        ],
        premium: { line: "Rolling Tool Chests", uplift: 3.2 },
      },
      { line: "Shelving", variants: [["Boltless 5 Tier", 64]] },
    ],
  },
  Lighting: {
    prefix: "LT",
    lines: [
      {
        line: "LED Work Lights",
        variants: [
          ["20W Site Light", 29],
          ["50W Site Light", 49],
          ["Twin Tripod 2x50W", 99],
        ],
        premium: { line: "Rechargeable LED Work Lights", uplift: 1.6 },
      },
      {
        line: "Torches",
        variants: [
          ["Head Torch", 14.9],
          ["Rechargeable Torch", 24.5],
        ],
      },
      {
        line: "LED Lamps",
        variants: [
          ["GU10 5W", 2.9],
          ["B22 9W", 3.4],
          ["E27 9W", 3.4],
        ],
      },
      {
        line: "LED Battens",
        variants: [
          ["4ft 20W", 18.9],
          ["5ft 30W", 22.9],
        ],
      },
    ],
  },
  "Test Equipment": {
    prefix: "TE",
    lines: [
      {
        line: "Voltage Testers",
        variants: [
          ["2-Pole Tester", 39],
          ["Proving Unit", 49],
        ],
        premium: { line: "Voltage Tester Kits", uplift: 1.8 },
      },
      {
        line: "Multimeters",
        variants: [
          ["Digital Multimeter", 59],
          ["Clamp Meter", 89],
        ],
      },
      { line: "Socket Testers", variants: [["Plug-in Socket Tester", 19.5]] },
    ],
  },
};

export interface IndustryPlan {
  industry: string;
  /** Share of accounts. */
  share: number;
  /** Company-name endings. */
  suffixes: string[];
  /** How much of its spend goes to each category; 0/absent = rarely buys it. */
  prefs: Partial<Record<Category, number>>;
}

export const INDUSTRIES: IndustryPlan[] = [
  {
    industry: "Electrical Contractor",
    share: 0.27,
    suffixes: ["Electrical Ltd", "Electrics", "Electrical Services", "Power Ltd"],
    prefs: {
      "Cable Ties": 5,
      Electrical: 6,
      "Test Equipment": 2.5,
      "Hand Tools": 2,
      "Safety & PPE": 1.5,
      Lighting: 2.5,
      Fixings: 1.5,
      "Power Tools": 1,
    },
  },
  {
    industry: "Plumber",
    share: 0.17,
    suffixes: ["Plumbing & Heating", "Plumbing Ltd", "Heating Services", "Gas & Plumbing"],
    prefs: {
      Fixings: 4,
      Consumables: 5,
      "Hand Tools": 2.5,
      "Safety & PPE": 1.5,
      "Power Tools": 2,
      Storage: 0.8,
    },
  },
  {
    industry: "General Builder",
    share: 0.2,
    suffixes: ["Builders Ltd", "Construction", "Building Services", "Contractors"],
    prefs: {
      Fixings: 6,
      "Power Tools": 3,
      "Hand Tools": 2.5,
      "Safety & PPE": 3,
      Consumables: 3,
      Storage: 1,
      Lighting: 1,
    },
  },
  {
    industry: "Facilities Management",
    share: 0.15,
    suffixes: ["Facilities", "FM Services", "Property Maintenance", "Estates Services"],
    prefs: {
      Consumables: 4,
      "Safety & PPE": 4,
      Lighting: 4,
      Electrical: 2,
      Fixings: 2,
      Storage: 1,
      "Cable Ties": 1,
    },
  },
  {
    industry: "Manufacturing",
    share: 0.13,
    suffixes: ["Manufacturing", "Engineering Ltd", "Fabrications", "Industries"],
    prefs: {
      Consumables: 5,
      "Safety & PPE": 4,
      Storage: 3,
      "Hand Tools": 2,
      "Cable Ties": 2.5,
      "Test Equipment": 1,
    },
  },
  {
    industry: "Shopfitter",
    share: 0.04,
    suffixes: ["Shopfitting", "Interiors Ltd"],
    prefs: { Fixings: 5, "Power Tools": 2, Lighting: 3, Consumables: 2, "Hand Tools": 1.5 },
  },
  {
    industry: "Landscaping",
    share: 0.04,
    suffixes: ["Landscapes", "Groundworks", "Gardens Ltd"],
    prefs: { "Hand Tools": 4, "Safety & PPE": 3, Fixings: 2.5, "Power Tools": 2, Storage: 1 },
  },
];

/** Month-of-year multipliers of order frequency (Jan..Dec): quiet August and December. */
export const MONTH_FACTOR = [0.95, 1, 1.08, 1.05, 1.05, 1.02, 0.95, 0.68, 1.08, 1.12, 1.1, 0.72];

/** Extra month-of-year weight of some categories: lighting and PPE peak in autumn and winter. */
export const CATEGORY_SEASON: Partial<Record<Category, number[]>> = {
  Lighting: [1.5, 1.2, 0.9, 0.7, 0.55, 0.5, 0.5, 0.6, 1.0, 1.45, 1.8, 1.7],
  "Safety & PPE": [1.35, 1.2, 1.0, 0.85, 0.8, 0.8, 0.8, 0.8, 1.0, 1.2, 1.35, 1.3],
  "Power Tools": [0.9, 0.9, 1.0, 1.1, 1.1, 1.0, 1.0, 0.9, 1.0, 1.0, 1.1, 1.4],
};

export const FIRST_NAMES = [
  "James",
  "Sarah",
  "Mike",
  "Emma",
  "David",
  "Priya",
  "Tom",
  "Laura",
  "Raj",
  "Sophie",
  "Gary",
  "Hannah",
  "Chris",
  "Aisha",
  "Paul",
  "Kate",
  "Dan",
  "Zoe",
  "Mark",
  "Fiona",
  "Steve",
  "Nadia",
  "Lee",
  "Claire",
  "Wayne",
  "Amira",
  "Neil",
  "Rachel",
  "Kieran",
  "Megan",
];
export const LAST_NAMES = [
  "Smith",
  "Jones",
  "Brown",
  "Taylor",
  "Wilson",
  "Patel",
  "Evans",
  "Walker",
  "Wright",
  "Hughes",
  "Green",
  "Hall",
  "Wood",
  "Clarke",
  "Khan",
  "Turner",
  "Murphy",
  "Price",
  "Bennett",
  "Shaw",
  "Ali",
  "Morris",
  "Cooper",
  "Ward",
];
export const TOWNS = [
  "Leeds",
  "Bristol",
  "Derby",
  "Norwich",
  "Hull",
  "Stoke",
  "Reading",
  "Exeter",
  "Bolton",
  "Luton",
  "Swindon",
  "Preston",
  "York",
  "Bath",
  "Wigan",
  "Crewe",
  "Ipswich",
  "Coventry",
  "Sheffield",
  "Cardiff",
  "Nottingham",
  "Leicester",
  "Oxford",
  "Chester",
];
export const STEMS = [
  "Apex",
  "Bridge",
  "Crown",
  "Delta",
  "Eagle",
  "Forge",
  "Granite",
  "Harbour",
  "Ironside",
  "Jubilee",
  "Kestrel",
  "Lion",
  "Meridian",
  "Northgate",
  "Oakwood",
  "Pioneer",
  "Quayside",
  "Riverside",
  "Summit",
  "Thames",
  "Union",
  "Vale",
  "Westfield",
  "Yewtree",
  "Beacon",
  "Castle",
  "Dragon",
  "Elm",
  "Falcon",
  "Highland",
  "Keystone",
  "Landmark",
  "Mercury",
  "Nova",
  "Orbit",
  "Phoenix",
  "Redline",
  "Sterling",
  "Trident",
  "Vanguard",
  "Warren",
  "Zenith",
  "Allied",
  "Brunel",
  "Compass",
  "Dalton",
  "Endeavour",
  "Fairway",
];
export const ACCOUNT_MANAGERS = [
  "Alex Morgan",
  "Jo Bennett",
  "Sam Reid",
  "Chris Dale",
  "Pat Quinn",
  "Nikki Shah",
];
export const ENGAGEMENT_LABELS = [
  "Rarely responds",
  "Responds eventually",
  "Responds within 3 days",
  "Responds within 24 hours",
  "Proactively reaches out",
];
export const CONTACT_ROLES = [
  "Economic Buyer",
  "Technical Buyer",
  "User",
  "Purchaser",
  "Legal",
  "Finance",
  "Site Manager",
];
export const CREDIT_TERMS = ["30 days EOM", "30 days", "60 days", "45 days"];
