export const GIVEN_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Mateo', 'Isabella', 'Lucas', 'Mia', 'Levi',
  'Amelia', 'Ezra', 'Harper', 'Asher', 'Evelyn', 'James', 'Luna', 'Leo', 'Camila', 'Aiden', 'Sofia', 'Kai',
  'Aria', 'Jayden', 'Chloe', 'Diego', 'Priya', 'Malik', 'Fatima', 'Hiro', 'Zara', 'Omar', 'Lena', 'Yusuf',
];
export const FAMILY_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Nguyen', 'Patel', 'Kim',
  'Okafor', 'Cohen', 'Novak', 'Silva', 'Haddad',
];
export const SCHOOL_NAMES = [
  'Lincoln', 'Washington', 'Roosevelt', 'Jefferson', 'Franklin', 'Riverside', 'Oak Grove', 'Maple Hill',
  'Cedar Park', 'Lakeview', 'Hillcrest', 'Sunnyside', 'Brookside', 'Westwood', 'Eastgate', 'Northview',
];
export const SUBJECTS = ['Math', 'English', 'Science', 'Social Studies', 'Art', 'Music', 'PE', 'Spanish', 'Computer Science'];
