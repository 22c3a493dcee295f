/**
 * Word lists for synthetic caseloads: invented people, goals in a young person's words, plan text.
 * Every person is fictional. Names include apostrophes, hyphens and letters outside ASCII (Zoë, Siân,
 * Łucja) because real caseloads do, and the exports must carry them.
 */
export const FIRST_NAMES = [
  'Amelia', 'Oliver', 'Isla', 'Noah', 'Ava', 'Leo', 'Mia', 'Oscar', 'Freya', 'Arthur', 'Ivy', 'Harry', 'Grace', 'Muhammad',
  'Sophia', 'Jack', 'Lily', 'George', 'Rosie', 'Theo', 'Evie', 'Archie', 'Poppy', 'Alfie', 'Daisy', 'Jacob', 'Ella', 'Finley',
  'Sienna', 'Reggie', 'Maya', 'Tommy', 'Ruby', 'Kai', 'Aisha', 'Yusuf', 'Hannah', 'Ethan', 'Chloe', 'Lucas', 'Zoë', 'Siân',
  'Niamh', 'Aoife', 'Callum', 'Eilidh', 'Rhys', 'Ffion', 'Oluwaseun', 'Chidi', 'Amara', 'Priya', 'Arjun', 'Fatima', 'Hamza',
  'Łucja', 'Jakub', 'Mateo', 'Ines', 'Kacper', 'Bethany', 'Connor', 'Imogen', 'Jayden', 'Kiera', 'Logan', 'Megan', 'Nathan',
  'Phoebe', 'Riley', 'Sami', 'Tia', 'Zain', 'Ellis', 'Jordan', 'Morgan', 'Rowan', 'Sasha', 'Nadia', 'Ibrahim',
];

export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Thomas', 'Clarke', 'Jackson', 'Wood', 'Harris', 'Edwards', 'Turner',
  'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Clark', 'King', 'Harrison', 'Lewis', 'Baker', 'Lee', 'Allen', 'Morris',
  'Khan', 'Scott', 'Watson', 'Davis', 'Parker', 'James', 'Bennett', 'Young', 'Phillips', 'Richardson', 'Mitchell', 'Bailey',
  "O'Brien", "O'Neill", 'McDonald', 'MacLeod', 'Ahmed', 'Hussain', 'Begum', 'Okafor', 'Adeyemi', 'Mensah', 'Nowak',
  'Kowalski', 'Silva', 'Santos', 'Nguyen', 'Chen', 'Ali', 'Shah', 'Singh', 'Kaur', 'Murphy', 'Kelly', 'Byrne', 'Doyle',
  'Price', 'Lloyd', 'Pritchard', 'Fraser', 'Campbell', 'Stewart', 'Ellis-Grant', 'Hart', 'Ashdown', 'Quinn',
];

export const CLINICIAN_NAMES = [
  'Dr Helen Marsh', 'Samir Qureshi', 'Beth Llewellyn', 'Dr Kwame Boateng', 'Laura Finch', 'Owen Price', 'Dr Anjali Rao',
  'Ciara Byrne', 'Mark Holloway', 'Dr Sarah Lindqvist', 'Joanne Pike', 'Tariq Mahmood', 'Rachel Greaves', 'Dr Femi Ojo',
  'Kate Sutherland', 'Daniel Reyes', 'Dr Eleanor Voss', 'Naomi Clarke', 'Gareth Powell', 'Dr Meera Iyer', 'Hollie Dunn',
  'Pete Armitage', 'Dr Grace Whitfield', 'Sunita Dhillon',
];

export const TEAM_AREAS = ['North', 'South', 'East', 'West', 'Central', 'Coast', 'Valley', 'City', 'Hills', 'Forest'];

export const GOALS = [
  'Go to school without feeling sick every morning',
  'Tell Mum or Dad when I feel low',
  'Sleep through most nights',
  'Stop hurting myself when things get too much',
  'Have fewer arguments at home',
  'Go into town with my friends',
  'Eat lunch at school',
  'Feel less worried about exams',
  'Get back to football training',
  'Talk to my teacher when I need help',
  'Cope when plans change',
  'Spend less time in my room',
  'Feel OK about how I look',
  'Understand what sets off my panic',
  'Get up in time for school',
  'Be able to stay at my dad’s at weekends',
  'Stop checking the door so many times',
  'Feel like I have someone to talk to',
];

export const OUTCOMES = [
  'Back at school most days and able to say when things are hard.',
  'Sleeping better and managing worries with the strategies practised.',
  'Fewer crises at home; the family has a plan that works for low days.',
  'Able to go out with friends and manage panic without leaving.',
  'Eating regularly and the family feels confident supporting meals.',
  'Self-harm has stopped or reduced and there is a safety plan everyone knows.',
];

export const CRITERIA = [
  'Attending school four days a week for a month',
  'Says they can manage low days with their plan',
  'No self-harm for eight weeks',
  'Family reports fewer arguments over a month',
  'Goes out with friends at least once a week',
  'Sleeping most nights for a month',
  'Parents feel able to support without CAMHS',
];

export const CONTINGENCIES = [
  'If not achieved, consider the group programme.',
  'If not achieved, discuss a referral to the eating disorders service.',
  'If not achieved, agree an ending with school support in place.',
  'If not achieved, step up to weekly sessions for six weeks.',
];

export const RISK_SUPPORT_SUMMARIES = [
  'Safety plan shared with family and school; weekly check-in calls; crisis line numbers given.',
  'Risk reviewed at every contact; parents hold medication; agreed who to call out of hours.',
];

export const OTHER_ENDING_REASONS = ['Family moved to private provision', 'Joined a school-based programme instead'];
