-- UCS row ids were NORAD#i, i the row's index among the file's accepted rows: one rejected row moved the
-- id of every row below it. They are now NORAD#n, n the rows above it in the file with the same NORAD
-- number (src/ingest/ucs/map.ts). The stored ids are renumbered 0, 1, … per NORAD number in the old
-- index order: a re-ingest of the same file then finds its rows where they are, first_seen kept.
-- Through a prefix, so no new id meets an old one still in the table.
update ucs_satellites set id = 'renumber:' || id;
update ucs_satellites u set id = r.norad_id || '#' || r.n
  from (
    select id, norad_id,
      row_number() over (
        partition by norad_id
        order by case when split_part(id, '#', 2) ~ '^[0-9]+$' then split_part(id, '#', 2)::integer end, id
      ) - 1 as n
    from ucs_satellites
  ) r
  where u.id = r.id;
