/**
 * The word lists the synthetic catalogue draws from. Everything named from them is fictional;
 * only the country codes are real, because pages, filters and search group by them.
 */

/** Real ISO 3166-1 codes in roughly the order of how often such agreements name them. */
// prettier-ignore
export const countryCodes = [
  'GB', 'JP', 'US', 'SG', 'DE', 'FR', 'KR', 'AU', 'IN', 'CA', 'EU', 'EE', 'NL', 'BE', 'DK', 'SE', 'FI', 'NO',
  'IT', 'ES', 'PT', 'IE', 'AT', 'CH', 'PL', 'CZ', 'LT', 'LV', 'NZ', 'AE', 'SA', 'QA', 'IL', 'TR', 'BR', 'MX',
  'CL', 'CO', 'AR', 'ZA', 'KE', 'NG', 'RW', 'GH', 'EG', 'MA', 'ID', 'MY', 'TH', 'VN', 'PH', 'TW', 'UA', 'MD',
  'GE', 'AM', 'KZ', 'UZ', 'MN', 'BD',
] as const;

/** Made-up syllables for names of people, places and agencies that exist nowhere. */
// prettier-ignore
export const syllables = ['al', 'ber', 'cor', 'dan', 'el', 'fen', 'gal', 'hel', 'is', 'jor', 'kal', 'lin', 'mor', 'nar', 'os', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul', 'ven', 'wen', 'yar', 'zel'];

/** Common words of the prose, in descending frequency. */
// prettier-ignore
export const proseWords = ['the', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'cooperation', 'digital', 'government', 'services', 'public', 'data', 'agencies', 'exchange', 'shared', 'experience', 'standards', 'platforms', 'officials', 'partners', 'joint', 'programme', 'work', 'sides', 'support', 'development', 'systems', 'access', 'citizens', 'practice', 'training', 'security', 'infrastructure', 'national', 'international', 'framework', 'research', 'innovation', 'technical', 'policy', 'open', 'secure', 'common', 'regional', 'capacity', 'delivery', 'reform', 'modern', 'networks', 'records', 'registries', 'identity', 'procurement', 'interoperable', 'principles', 'roadmap', 'workshops', 'experts', 'visits', 'pilots', 'projects', 'guidance', 'strategy', 'administration', 'ministries', 'regulators', 'businesses', 'trust', 'resilience', 'transparency', 'accountability', 'inclusion', 'skills', 'tools', 'methods', 'lessons', 'results', 'reports', 'meetings', 'review', 'progress', 'plans', 'priorities', 'areas', 'fields', 'steps', 'commitments', 'talks', 'dialogue', 'consultation', 'coordination', 'assistance', 'funding', 'resources', 'models', 'services', 'portals', 'applications', 'software', 'cloud', 'hosting', 'archives', 'statistics', 'mapping', 'geospatial', 'health', 'education', 'taxation', 'customs', 'borders', 'payments', 'invoicing', 'signatures', 'certificates', 'credentials', 'wallets', 'authentication', 'privacy', 'protection', 'encryption', 'incidents', 'response', 'monitoring', 'evaluation', 'benchmarks', 'indicators', 'maturity', 'accessibility', 'usability', 'design', 'research', 'prototypes', 'testing', 'deployment', 'migration', 'legacy', 'maintenance', 'licensing', 'vendors', 'markets', 'startups', 'universities', 'laboratories', 'sandboxes', 'regulation', 'compliance', 'audit', 'risk', 'governance', 'ethics', 'algorithms', 'automation', 'analytics', 'semiconductors', 'telecommunications', 'spectrum', 'satellites', 'cables', 'broadband', 'connectivity', 'cities', 'sensors', 'energy', 'emissions', 'efficiency', 'sustainability', 'trade', 'investment', 'export', 'supply', 'chains'];

/**
 * Words used by about one entry in two hundred, so that a search for a rare word has few results,
 * as it would for a place name or a programme's code name.
 */
// prettier-ignore
export const rareWords = ['quillmoor', 'vantressa', 'orbelline', 'zephyrane', 'caldrith', 'mirevault', 'thessaly-grid', 'ondrevar'];

// prettier-ignore
export const publishers = ['Gazette', 'Herald', 'Digital Review', 'Government Bulletin', 'Technology Weekly', 'Public Sector News', 'Policy Observer', 'Ministry Newsroom'];
