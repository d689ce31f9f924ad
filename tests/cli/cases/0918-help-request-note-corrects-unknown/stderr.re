veld corrects: de notitie die u verbetert hoort niet bij deze hulpvraag
