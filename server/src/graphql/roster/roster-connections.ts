import { Connection } from '../pagination/connection.js';
import { PersonType } from './person.type.js';
import { SchoolType } from './school.type.js';
import { SectionType } from './section.type.js';

export const SchoolConnection = Connection(SchoolType, 'School');
export const SectionConnection = Connection(SectionType, 'Section');
export const PersonConnection = Connection(PersonType, 'Person');
