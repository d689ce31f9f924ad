help-request add: veld household: het kind hoort niet bij dit huishouden
