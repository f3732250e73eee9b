import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { District } from '../roster/district.entity.js';

/** A district's override of which source field feeds a Homeroom field. */
@Entity('field_mapping')
@Index('UQ_field_mapping_target', ['districtId', 'entityType', 'targetField'], { unique: true })
export class FieldMapping {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @ManyToOne(() => District, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'districtId' })
  district?: Relation<District>;

  @Column({ type: 'varchar', length: 16 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  targetField!: string;

  @Column({ type: 'varchar', length: 128 })
  sourceField!: string;
}
