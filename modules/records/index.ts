/** The records module's door: other modules import from here only. */
export { RecordsModule } from './records.module';
