help-request add: veld household(_id)?: het kind hoort niet bij dit huishouden
