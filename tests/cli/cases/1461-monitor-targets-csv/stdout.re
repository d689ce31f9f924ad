^gemeentecode;gemeente;indicator;doel;jaar nulmeting;nulmeting;streefwaarde;waarde;teller;noemer;status;op koers$
^regio;Twente;secure_admissions;Minder opnames in gesloten jeugdhulp;2023;60;51\.4;
