geen contract
