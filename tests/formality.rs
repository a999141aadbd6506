//! The formality score orders sentences the way people do: Spearman's rank
//! correlation with human ratings on tests/fixtures/formality-en.tsv (38
//! English sentences rated 1–7 before scoring) must be at least 0.6.

use replylint::{Exchange, Message, Pack, analyze};

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            r[idx[k]] = avg;
        }
        i = j + 1;
    }
    r
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va.sqrt() * vb.sqrt())
}

#[test]
fn formality_score_ranks_english_sentences_like_people() {
    let pack = Pack::base();
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formality-en.tsv")).unwrap();
    let (mut human, mut ours) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (rating, sentence) = line.split_once('\t').unwrap();
        let ex = Exchange { draft: Message { body: sentence.into(), ..Message::default() }, ..Exchange::default() };
        human.push(rating.parse::<f64>().unwrap());
        ours.push(analyze(&ex, &pack).tone.score);
    }
    let rho = pearson(&ranks(&human), &ranks(&ours));
    eprintln!("Spearman rho = {rho:.3} over {} sentences", human.len());
    assert!(rho >= 0.6, "Spearman rho {rho:.3} < 0.6");
}
