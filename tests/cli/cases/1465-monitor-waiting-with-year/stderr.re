figures waiting: veld year: hoort niet bij deze tabel
