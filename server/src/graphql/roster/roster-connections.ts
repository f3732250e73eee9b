import { Connection } from '../pagination/connection.js';
import { CourseType } from './course.type.js';
import { EnrollmentType } from './enrollment.type.js';
import { PersonType } from './person.type.js';
import { SchoolType } from './school.type.js';
import { SectionType } from './section.type.js';
import { TermType } from './term.type.js';

export const SchoolConnection = Connection(SchoolType, 'School');
export const SectionConnection = Connection(SectionType, 'Section');
export const PersonConnection = Connection(PersonType, 'Person');
export const TermConnection = Connection(TermType, 'Term');
export const CourseConnection = Connection(CourseType, 'Course');
export const EnrollmentConnection = Connection(EnrollmentType, 'Enrollment');
