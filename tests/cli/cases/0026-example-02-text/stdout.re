^Opties
Waarom
^Signalen
Crisisopvang
Veilig Thuis
Hengelo
