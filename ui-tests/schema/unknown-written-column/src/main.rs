use cte_runtime::select;

fn main() {
    let _ = select! { INSERT INTO teams (id, titel) VALUES (1, "Platform") };
}
