/** GCAT launch-log objects joined to their launch and to the UCS record of the same COSPAR piece. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { LaunchPayload } from '../../model/catalog-records.js';

/** Every object of the launches whose launch-vehicle state is `lvState` (GCAT LVState), in launch order. */
export async function launchPayloadsByLvState(db: Kysely<Database>, lvState: string): Promise<LaunchPayload[]> {
  const rows = await sql<LaunchPayload>`
    select l.id as "launchTag", l.launch_date as "launchDate", l.lv_type as "lvType", l.lv_state as "lvState", l.outcome,
      o.piece, o.norad_id as "noradId", o.sat_type as "satType", o.name, o.pl_name as "plName", o.sat_owner as "satOwner", o.sat_state as "satState",
      o.source_id as "sourceId", u.contractor as "ucsContractor", u.contractor_country as "ucsContractorCountry", u.source_id as "ucsSourceId"
    from launch_objects o
    join launches l on l.id = o.launch_tag
    left join (select distinct on (cospar) * from ucs_satellites where cospar is not null order by cospar, id) u on u.cospar = o.piece
    where l.lv_state = ${lvState}
    order by l.launch_date, o.piece, o.id`.execute(db);
  return rows.rows;
}
