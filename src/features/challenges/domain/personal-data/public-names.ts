/**
 * Capitalised words that are not a child's name even when a first-names list holds them: places
 * (Kent's districts and towns, counties, cities), the panel's own bodies and groups, months, days
 * and seasons, and the titles that mark an adult ("Cllr Hughes", "Mr Oakford").
 */
const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter((word) => word.length > 0));

/** Lower case, one word each: a multi-word place counts word by word ("tunbridge", "wells"). */
export const PLACE_WORDS: ReadonlySet<string> = words(`
kent medway ashford canterbury dartford dover folkestone hythe gravesend gravesham maidstone sevenoaks swale sittingbourne
faversham sheerness sheppey thanet margate ramsgate broadstairs tonbridge malling tunbridge wells whitstable herne deal
sandwich chatham rochester gillingham strood rainham westerham edenbridge cranbrook tenterden romney lydd swanley snodland
aylesford larkfield paddock minster birchington westgate hoo northfleet swanscombe greenhithe bluewater ebbsfleet
headcorn marden staplehurst lenham harrietsham bearsted allington wye charing hawkinge elham lyminge cheriton sandgate
dymchurch newington teynham queenborough minster-on-sea iwade borden otford kemsing sevenoaks westwell chilham bridge
herne-bay st-margarets leysdown eastchurch isle grain dungeness folkestone-hythe
sussex surrey essex london croydon bromley bexley greenwich lewisham southwark lambeth hackney camden islington westminster
brighton hastings eastbourne crawley guildford reading oxford cambridge norwich ipswich colchester chelmsford southend
luton bedford milton keynes northampton leicester nottingham derby birmingham coventry wolverhampton stoke manchester
liverpool leeds sheffield bradford york hull newcastle sunderland durham middlesbrough carlisle lancaster preston
blackpool bolton wigan bristol bath exeter plymouth truro gloucester cheltenham swindon salisbury southampton portsmouth
winchester bournemouth poole cardiff swansea newport edinburgh glasgow aberdeen dundee belfast wales scotland england
ireland britain uk devon cornwall dorset somerset wiltshire hampshire berkshire buckinghamshire hertfordshire
bedfordshire cambridgeshire norfolk suffolk lincolnshire yorkshire lancashire cumbria northumberland cheshire
derbyshire nottinghamshire leicestershire warwickshire worcestershire herefordshire shropshire staffordshire
oxfordshire gloucestershire chester lincoln stanley clifton sherwood beverley morley ashley
barnet brent ealing enfield haringey harrow havering hillingdon hounslow kingston merton newham redbridge richmond sutton
tower hamlets waltham wandsworth barking dagenham shepway sheppey kingsnorth sturry herne-bay hamstreet douglas
carlisle darlington warrington huddersfield halifax wakefield doncaster rotherham barnsley grimsby scunthorpe telford
shrewsbury worcester hereford peterborough stevenage watford slough maidenhead basingstoke aldershot woking

europe france calais dunkirk afghanistan eritrea sudan syria iran iraq albania vietnam
`);

/**
 * After a capitalised word, these make it the name of a place, building or body, not a person:
 * "Victoria Road", "Grace Academy", "Ashley House", "Holly Lodge", "Poppy Appeal".
 */
export const INSTITUTION_WORDS: ReadonlySet<string> = words(`
council councils panel committee cabinet parliament government department county school schools academy college
university hospital clinic centre center hub library hall house lodge room rooms office offices building station
gateway church chapel court gardens park road rd street st lane avenue ave close drive way place square crescent grove
terrace rise hill mews row walk green parade vale wharf yard boulevard estate ward wing unit trust foundation fund
charity appeal award awards prize cup day week month project programme scheme group forum council's act bill
`);

/** The panel's groups and the bodies around it: never a person, whatever a names list says. */
export const ORGANISATION_WORDS: ReadonlySet<string> = words(`
ocypc vsk cpp kcc camhs nhs ofsted send sen ehcp neet uasc cic cicc yac barnardo barnardos barnardo's coram nspcc
childline catch22 christmas easter diwali eid ramadan hanukkah halloween
`);

export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBREVIATIONS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

/** Month names and their usual abbreviations, lower case. */
export const MONTH_WORDS: ReadonlySet<string> = new Set([...MONTHS, ...MONTH_ABBREVIATIONS]);

export const CALENDAR_WORDS: ReadonlySet<string> = words(`
${MONTHS.join(' ')} monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter term
`);

/** Titles that mark the named person as an adult: "Cllr Hughes", "Mr P.J. Oakford", "Dr Shah". */
export const ADULT_TITLES: ReadonlySet<string> = words(`
cllr cllrs councillor councillors mr mrs ms mx miss dr doctor prof professor sir dame lord lady baroness baron rev revd
reverend canon bishop judge justice
`);

/** After a name: "Roger Gale MP", "Jane Smith OBE". */
export const POST_NOMINALS: ReadonlySet<string> = words('mp mep obe mbe cbe kc qc jp dl frs');
