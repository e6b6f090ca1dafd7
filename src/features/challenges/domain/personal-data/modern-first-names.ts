/**
 * First names common among children born in England and Wales since about 2000 (the names that
 * recur in the ONS's annual baby-name rankings), to add to the older English-language lists the
 * name packages ship: those lists predate Kayden, Isla or Nevaeh. Lower case, one spelling a line;
 * an officer can add a name here (and to the corpus test) when one slips through.
 */
export const MODERN_FIRST_NAMES: readonly string[] = `
aaliyah aaron abdullah abigail ada adam aiden aidan aimee aisha alana albie alex alexa alexander alexis alfie alice alicia
alisha amaan amara amaya amber amelia amelie amir amira amy ana anaya anna annabelle anya archer archie aria ariana arianna
arlo arthur aryan asher ashton aston aubrey aurora austin ava avery ayaan ayla aylin bailey beatrice bella ben benjamin
bentley blake bobby bonnie braxton brandon brodie brooke brooklyn caleb callum calvin cameron caoimhe carson carter casey
cassidy charlie charlotte chelsea chloe ciara cody connor corey courtney dakota daisy damian daniel danielle darcey darcie
darcy david dexter dominic dylan eden edie edward eleanor elijah elise eliza ella ellie elliot elliott ellis elodie eloise
elsie elsa emilia emily emma enzo erin esme ethan eva evan evelyn evie ezra faith felicity felix finlay finley finn
florence frankie freddie freddy frederick freya gabriel george georgia georgie gracie gracie-mae hallie hannah harley
harlow harper harriet harrison harry harvey hayden hazel heidi henry hollie holly hudson hugo ibrahim imogen isaac isabel
isabella isabelle isaiah isla isobel ivy izzy jack jackson jacob jaden jaiden jake james jamie jasmine jaxon jaxson
jayden jenson jesse jessica jodie joel john jonah jordan joseph joshua jude julia justin kacey kai kaiden kaitlyn kara
karter kayden kayla kaylee keira kenzie kian kiera kieran kobe kyle kyla lacey lara layla leah leila lena leo leon
leonardo levi lewis lexi lexie liam libby lily lilly lola lottie louie louis luca lucas lucy luke luna lyla maddie
maddison madison mae maisie maisy malachi mariam marley martha maryam mason matilda matthew max maximilian maya megan mia
michael mila millie miya mohammad mohammed muhammad myla nancy naomi nate nathan nathaniel nevaeh niamh nico noah nora
olivia ollie oscar otis owen paige penelope phoebe piper poppy preston quinn reggie reuben rhys riley river robyn roman
ronnie rory rosa rosie rowan ruby rylee ryan sadie samuel sara sarah savannah scarlett seb sebastian sienna skye sofia
sophia sophie stanley summer sydney taylor teddy theo theodore thomas tilly toby tommy tyler tyson valentina victoria
violet willow wren xavier yusuf zac zach zachary zak zara zayn zion zoe zoey
`
  .split(/\s+/)
  .filter((name) => name.length > 0);
