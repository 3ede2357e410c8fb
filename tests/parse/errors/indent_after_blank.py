

   
  x
