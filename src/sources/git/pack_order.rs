//! The order in which history reads blobs. Reading a pack in offset order lets
//! each delta find its base freshly decoded in the reader's cache; reading in
//! hash order jumps across delta chains and decodes the same bases again and
//! again, several times slower on a large repository. The pack indexes
//! (`objects/pack/*.idx`) give each object's offset; they are mapped, not
//! read, by gix. Anything not placed (loose objects, alternates, an index that
//! does not open) sorts last, in hash order: that costs speed, never
//! correctness.
use gix::odb::pack::index;
use rayon::prelude::*;
use std::path::Path;

/// Returns the positions of `ids` in the order to read them: by pack, then by
/// offset in the pack; objects found in no pack index last, in hash order.
pub fn read_order(objects_dir: &Path, ids: &[gix::ObjectId]) -> Vec<usize> {
    let mut idx_files: Vec<_> = std::fs::read_dir(objects_dir.join("pack"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "idx"))
                .collect()
        })
        .unwrap_or_default();
    idx_files.sort();
    let packs: Vec<index::File> = idx_files
        .iter()
        .filter_map(|p| index::File::at(p, gix::hash::Kind::Sha1).ok())
        .collect();
    // In parallel when called on a pool: each lookup is a binary search.
    let mut keyed: Vec<(u32, u64, usize)> = ids
        .par_iter()
        .enumerate()
        .map(|(i, id)| {
            let place = packs.iter().enumerate().find_map(|(p, idx)| {
                idx.lookup(id)
                    .map(|e| (p as u32, idx.pack_offset_at_index(e)))
            });
            let (p, o) = place.unwrap_or((u32::MAX, 0));
            (p, o, i)
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| ids[a.2].cmp(&ids[b.2]))
    });
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_objects_sort_last() {
        let dir = tempfile::tempdir().unwrap();
        let ids = [
            gix::ObjectId::from_bytes_or_panic(&[3u8; 20]),
            gix::ObjectId::from_bytes_or_panic(&[1u8; 20]),
        ];
        assert_eq!(read_order(dir.path(), &ids), vec![1, 0]);
    }

    #[test]
    fn packed_objects_come_in_pack_offset_order() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init_bare(dir.path()).unwrap();
        let mut ids: Vec<gix::ObjectId> = (0..6)
            .map(|i| {
                let id = repo
                    .blob(format!("blob {i}\n").repeat(i + 1).as_bytes())
                    .unwrap();
                gix::ObjectId::from_bytes_or_panic(id.as_bytes())
            })
            .collect();
        let git = |args: &[&str], input: Option<&Path>| {
            let mut c = std::process::Command::new("git");
            c.arg("-C").arg(dir.path()).args(args);
            if let Some(f) = input {
                c.stdin(std::fs::File::open(f).unwrap());
            }
            let out = c.output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        // Pack every object, unreferenced ones included.
        let list: String = ids.iter().map(|id| format!("{id}\n")).collect();
        let list_file = dir.path().join("list");
        std::fs::write(&list_file, list).unwrap();
        git(
            &["pack-objects", "-q", "objects/pack/pack"],
            Some(&list_file),
        );
        let idx = std::fs::read_dir(dir.path().join("objects/pack"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "idx"))
            .unwrap();
        // `git show-index` prints "offset id (crc)" per object.
        let mut by_offset: Vec<(u64, String)> = git(&["show-index"], Some(&idx))
            .lines()
            .map(|l| {
                let mut f = l.split_whitespace();
                (
                    f.next().unwrap().parse().unwrap(),
                    f.next().unwrap().to_string(),
                )
            })
            .collect();
        by_offset.sort();
        let unknown = gix::ObjectId::from_bytes_or_panic(&[7u8; 20]);
        ids.insert(2, unknown);
        let got: Vec<String> = read_order(&dir.path().join("objects"), &ids)
            .into_iter()
            .map(|i| ids[i].to_string())
            .collect();
        let mut want: Vec<String> = by_offset.into_iter().map(|(_, id)| id).collect();
        want.push(unknown.to_string());
        assert_eq!(got, want);
    }
}
